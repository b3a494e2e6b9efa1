package io.cairn.isms.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * An upload is spooled through SHA-256 to a temporary file that closing removes; one over the limit is refused as soon
 * as it passes the limit, an empty one too, and neither leaves a temporary file behind.
 */
class FileReceptionTest {

    enum Reasons implements Refusal.Reason {
        TOO_LARGE,
        EMPTY;

        @Override
        public String code() {
            return name();
        }

        @Override
        public String template() {
            return this == TOO_LARGE ? "is larger than the limit of {0}" : "is empty";
        }
    }

    private final FileReception reception = new FileReception(DataSize.ofBytes(16), Reasons.TOO_LARGE, Reasons.EMPTY);

    @Test
    void spoolsAFileWithItsSha256SizeAndSniffedTypeAndRemovesItWhenClosed() throws Exception {
        Path spooled;
        try (ReceivedFile file = done(reception.receive("file", bytes("%PDF-1.7 proof")))) {
            spooled = file.spooled();
            assertThat(Files.readAllBytes(spooled)).isEqualTo("%PDF-1.7 proof".getBytes());
            assertThat(file.size()).isEqualTo(14);
            assertThat(file.sha256()).isEqualTo(FileReception.sha256Of("%PDF-1.7 proof".getBytes()));
            assertThat(file.sniffedType()).isEqualTo("application/pdf");
        }
        assertThat(spooled).doesNotExist();
        try (ReceivedFile abc = done(reception.receive("file", bytes("abc")))) {
            assertThat(abc.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }
    }

    @Test
    void refusesAFileOverTheLimitWithoutReadingItToItsEnd() {
        CountingStream endless = new CountingStream();
        Refusal tooLarge = ((Outcome.Refused<ReceivedFile>) reception.receive("file", endless)).refusal();
        assertThat(tooLarge.kind()).isEqualTo(Refusal.Kind.TOO_LARGE);
        assertThat(tooLarge.message()).isEqualTo("file: is larger than the limit of 16 bytes");
        assertThat(endless.read).isLessThan(1024 * 1024);
        assertThat(((Outcome.Refused<ReceivedFile>) reception.receive("upload", bytes("")))
                        .refusal()
                        .message())
                .isEqualTo("upload: is empty");
        assertThat(new FileReception(DataSize.ofMegabytes(25), Reasons.TOO_LARGE, Reasons.EMPTY).limitInWords())
                .isEqualTo("25 MB");
    }

    @Test
    void keepsAFileNameWithoutFoldersOrControlCharacters() {
        assertThat(FileNames.shown("C:\\Users\\x\\mail.eml", "f")).isEqualTo("mail.eml");
        assertThat(FileNames.shown("../../etc/pass\u0000wd", "f")).isEqualTo("passwd");
        assertThat(FileNames.shown("  /  ", "f")).isEqualTo("f");
        assertThat(FileNames.shown(null, "f")).isEqualTo("f");
        assertThat(FileNames.shown("a".repeat(300) + ".pdf", "f")).hasSize(255).endsWith(".pdf");
    }

    private static ReceivedFile done(Outcome<ReceivedFile> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<ReceivedFile>) outcome).value();
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes());
    }

    /** A stream that never ends, counting what was read of it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            read += length;
            java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'x');
            return length;
        }
    }
}
