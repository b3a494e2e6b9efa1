package io.cairn.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Secrets kept in files outside the database (a signing key, a key that seals keys in the database), readable by their
 * owner only: a file is read as it is, or created with a generated secret when it does not exist; when two nodes
 * create it at once, the one that comes second reads the first one's.
 */
public final class SecretFiles {

    private static final Log log = LogFactory.getLog(SecretFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFiles() {}

    /**
     * The secret in a file, and whether it was generated now.
     *
     * @param text the file's text
     */
    public record Secret(String text, boolean generated) {}

    /**
     * The file's text (made readable by its owner only, mode 600, if it was not), or the generated text written to
     * a new file (its directory made owner-only too) when there is none.
     */
    public static Secret readOrCreate(Path file, Supplier<String> generate) {
        try {
            if (Files.exists(file)) {
                return new Secret(read(file), false);
            }
            Path directory = directoryOf(file);
            Files.createDirectories(directory, ownerOnlyDirectory(directory));
            String generated = generate.get();
            try {
                write(file, generated);
            } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                return new Secret(read(file), false);
            }
            return new Secret(generated, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the secret file " + file, e);
        }
    }

    private static String read(Path file) throws IOException {
        if (posix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn(
                    file + " could be read by others than its owner; it is now readable by its owner only (chmod 600)");
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        return Files.readString(file, StandardCharsets.US_ASCII);
    }

    private static void write(Path file, String text) throws IOException {
        FileAttribute<?>[] attributes = posix(directoryOf(file))
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        try (FileChannel channel =
                FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            channel.write(StandardCharsets.US_ASCII.encode(text));
            channel.force(true);
        }
    }

    /** The directory a file lies in; a secret's file is never the root of a file system. */
    private static Path directoryOf(Path file) {
        return Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a directory");
    }

    private static FileAttribute<?>[] ownerOnlyDirectory(Path directory) throws IOException {
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && posix(existing)
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
                }
                : new FileAttribute<?>[0];
    }

    private static boolean posix(Path existing) throws IOException {
        return Files.getFileStore(existing).supportsFileAttributeView("posix");
    }
}
