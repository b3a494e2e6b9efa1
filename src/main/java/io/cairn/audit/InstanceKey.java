package io.cairn.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance's key for signing the audit trail's checkpoints: read from its file, or generated at the first start
 * and written to a file only its owner may read or write (POSIX mode 600). The key lives outside the database, so
 * that someone with full access to the database cannot sign a rewritten trail.
 */
@Component
class InstanceKey {

    private static final Log log = LogFactory.getLog(InstanceKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final NoteSigner signer;

    InstanceKey(AuditSettings settings, @Value("${cairn.base-url:http://localhost:8080}") String baseUrl) {
        String origin = settings.origin() != null ? settings.origin() : originOf(baseUrl);
        this.signer = loadOrGenerate(settings.keyFile(), origin);
        if (!signer.verifierKey().name().equals(origin)) {
            log.info("The audit checkpoint key in " + settings.keyFile() + " names the log '"
                    + signer.verifierKey().name() + "', not '" + origin
                    + "': a log keeps the name it was created with");
        }
    }

    /** The public key auditors verify checkpoints with. */
    VerifierKey verifierKey() {
        return signer.verifierKey();
    }

    /** The log's name: the key's name, and the first line of every checkpoint. */
    String origin() {
        return signer.verifierKey().name();
    }

    SignedNote sign(String text) {
        return signer.sign(text);
    }

    /** {@code host[:port][/path]/audit} of the base URL: a schema-less URL, as C2SP recommends for an origin. */
    static String originOf(String baseUrl) {
        URI uri = URI.create(baseUrl.trim());
        String host = uri.getHost() == null ? "cairn" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        String origin = (host + port + path + "/audit").replaceAll("[\\s+]", "");
        return VerifierKey.isKeyName(origin) ? origin : "cairn/audit";
    }

    /** The directory a file lies in; a key file is never the root of a file system. */
    private static Path directoryOf(Path file) {
        return Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a directory");
    }

    /** The key in the file, or a new one with this name written to it (mode 600) when there is none. */
    static NoteSigner loadOrGenerate(Path file, String origin) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Path directory = directoryOf(file);
            Files.createDirectories(directory, ownerOnlyDirectory(directory));
            NoteSigner generated = NoteSigner.generate(origin);
            try {
                write(file, generated.encoded() + "\n");
            } catch (FileAlreadyExistsException anotherNodeWasFirst) {
                return read(file);
            }
            log.info("Generated the note-signing key '" + origin + "' in " + file + "; its verifier key is "
                    + generated.verifierKey().encoded());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the audit checkpoint key " + file, e);
        }
    }

    private static NoteSigner read(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("The audit checkpoint key " + file + " could be read by others than its owner; it is now "
                    + "readable by its owner only (chmod 600)");
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        return NoteSigner.parse(text)
                .orElseThrow(
                        () -> new IllegalStateException(
                                file + " does not hold an "
                                        + "Ed25519 note signer key (PRIVATE+KEY+<name>+<key id>+<key data>): restore it from a backup, or "
                                        + "move it away to have a new key generated (earlier checkpoints then no longer verify with it)"));
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
