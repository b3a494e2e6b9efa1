package io.cairn.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * The password the embedded PostgreSQL asks of every connection, local socket and TCP alike (scram-sha-256): made
 * for each data directory and kept in it, in the file {@value #FILE_NAME} that only its owner may read.
 *
 * <p>Data directories made before Cairn set a password trust every local connection as superuser;
 * {@link #replaceTrust} moves them over at the first start after an upgrade.
 */
final class ServerPassword {

    static final String FILE_NAME = "cairn-db-password";
    static final String METHOD = "scram-sha-256";
    private static final String HBA_FILE = "pg_hba.conf";
    private static final Pattern TRUST = Pattern.compile("(?<=\\s)trust(?=\\s|$)");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom random = new SecureRandom();

    private ServerPassword() {}

    /** A new password: 256 random bits, URL-safe, so that no file or SQL quoting can get it wrong. */
    static String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The password kept in a data directory, when there is one. */
    static Optional<String> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            restrictToOwner(file);
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    .filter(text -> !text.isEmpty());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the database password in " + file, e);
        }
    }

    /** Keeps the password in the data directory, replacing the file at once, never leaving it half-written. */
    static void store(Path dataDirectory, String password) {
        try {
            Path file = ownerOnlyFile(dataDirectory, password);
            Files.move(
                    file,
                    dataDirectory.resolve(FILE_NAME),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the database password in " + dataDirectory, e);
        }
    }

    /**
     * Has initdb give the superuser the password, read from a file (initdb needs an empty directory, so the file lies
     * elsewhere; the caller deletes it), and ask for it. zonky passes its "locale config" to initdb as
     * {@code --key=value}, after its own {@code -A trust}, so these win.
     */
    static EmbeddedPostgres.Builder askedByInitdb(EmbeddedPostgres.Builder builder, Path passwordFile) {
        return builder.setLocaleConfig("pwfile", passwordFile.toString())
                .setLocaleConfig("auth-local", METHOD)
                .setLocaleConfig("auth-host", METHOD);
    }

    /** A file only its owner may read that holds the password, in the system's temporary directory, for initdb. */
    static Path fileForInitdb(String password) {
        try {
            return ownerOnlyFile(Path.of(System.getProperty("java.io.tmpdir")), password);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the database password for initdb", e);
        }
    }

    /** Whether the data directory's pg_hba.conf lets some connection in without a password. */
    static boolean trusts(Path dataDirectory) {
        return hbaRules(dataDirectory).stream()
                .anyMatch(rule -> TRUST.matcher(rule).find());
    }

    /**
     * Moves a data directory whose server trusts local connections over to the password: keeps the password in
     * its file, sets it over the still trusted connection, then makes pg_hba.conf ask for it and reloads. Each
     * step can be done again, so a crash half-way is finished by the next start.
     */
    static void replaceTrust(EmbeddedPostgres server, Path dataDirectory, String password) {
        store(dataDirectory, password);
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            // The driver sends the scram-sha-256 verifier, never the password itself.
            connection.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), METHOD);
            Path hba = dataDirectory.resolve(HBA_FILE);
            String asked = Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                    .map(line -> isRule(line) ? TRUST.matcher(line).replaceAll(METHOD) : line)
                    .collect(Collectors.joining("\n", "", "\n"));
            Path written = ownerOnlyFile(dataDirectory, asked);
            Files.move(written, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try (var reload = connection.createStatement()) {
                reload.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the password of the embedded PostgreSQL", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not rewrite " + dataDirectory.resolve(HBA_FILE), e);
        }
    }

    private static List<String> hbaRules(Path dataDirectory) {
        try {
            return Files.readAllLines(dataDirectory.resolve(HBA_FILE), StandardCharsets.UTF_8).stream()
                    .filter(ServerPassword::isRule)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + dataDirectory.resolve(HBA_FILE), e);
        }
    }

    private static boolean isRule(String line) {
        String rule = line.strip();
        return !rule.isEmpty() && !rule.startsWith("#");
    }

    private static Path ownerOnlyFile(Path directory, String text) throws IOException {
        Path file = isPosix()
                ? Files.createTempFile(directory, ".cairn-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, ".cairn-", ".tmp", new FileAttribute<?>[0]);
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A password file restored from a backup may have come back readable by others. */
    private static void restrictToOwner(Path file) throws IOException {
        if (isPosix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
