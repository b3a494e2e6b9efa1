package io.cairn.isms.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.springframework.jdbc.core.support.SqlBinaryValue;

/**
 * An upload as received: spooled to a temporary file, with its size, its SHA-256 and the type its first bytes show.
 * Closing it removes the temporary file; whoever received it closes it once its bytes are stored.
 *
 * @param sha256 the SHA-256 of its bytes, 64 hexadecimal digits in lower case
 * @param sniffedType the type its content shows ({@link ContentTypes#sniff}), whatever its sender declared
 */
public record ReceivedFile(Path spooled, long size, String sha256, String sniffedType) implements AutoCloseable {

    /**
     * Hands its bytes to {@code store} as a statement parameter of a {@code bytea} column, streamed from the temporary
     * file (the JDBC driver sends them as it reads them), and closes the stream when the statement ran.
     */
    public void storeWith(Consumer<SqlBinaryValue> store) {
        try (InputStream in = Files.newInputStream(spooled)) {
            store.accept(new SqlBinaryValue(in, size));
        } catch (IOException e) {
            throw new UncheckedIOException("the received file went away before it was stored", e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(spooled);
        } catch (IOException e) {
            throw new UncheckedIOException("the received file could not be removed", e);
        }
    }
}
