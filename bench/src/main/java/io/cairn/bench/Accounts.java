package io.cairn.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's own API clients: handlers with a personal API token each, written straight into the database the
 * benchmark owns.
 *
 * <p>Cairn issues tokens only to a signed-in user, and its first admin must first replace the start-up password
 * through a signed-in session, which needs a CSRF token from a login page that does not exist yet. Rows made here are
 * exactly what {@code POST /api/v1/me/tokens} stores: a 256-bit secret with the {@code cairn_} prefix, kept as its
 * SHA-256 digest. The benchmark checks each token with {@code GET /api/v1/me} before using it.
 */
final class Accounts {

    /** One client: who it is, the team its handler belongs to, and its bearer token. */
    record Client(UUID user, String username, UUID team, String token) {}

    private static final SecureRandom random = new SecureRandom();

    private Accounts() {}

    /** The first team by name, for a benchmark's accounts to belong to. */
    static UUID firstTeam(Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("select id from team order by name limit 1")) {
            row.next();
            return row.getObject(1, UUID.class);
        }
    }

    static List<Client> create(Connection connection, String prefix, int count, List<UUID> teams)
            throws SQLException {
        return create(connection, prefix, count, teams, List.of("HANDLER", "REPORTER"));
    }

    /** Clients with these roles, each in one of the teams in turn. */
    static List<Client> create(Connection connection, String prefix, int count, List<UUID> teams, List<String> roles)
            throws SQLException {
        List<Client> clients = new ArrayList<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        for (int i = 0; i < count; i++) {
            UUID user = UUID.randomUUID();
            String username = prefix + "." + (i + 1);
            UUID team = teams.get(i % teams.size());
            update(connection, "insert into app_user (id, username, display_name, email, password_hash, "
                    + "must_change_password, enabled, business_unit_id, created_at, version) "
                    + "values (?, ?, ?, null, '{noop}unusable', false, true, null, ?, 0)",
                    user, username, "Benchmark client " + (i + 1), Timestamp.from(Instant.now()));
            for (String role : roles) {
                update(connection, "insert into user_role (user_id, role) values (?, ?)", user, role);
            }
            update(connection, "insert into team_member (user_id, team_id) values (?, ?)", user, team);
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            String token = "cairn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            update(connection, "insert into api_token (id, user_id, name, digest, created_at, version) "
                    + "values (?, ?, 'benchmark', ?, ?, 0)", UUID.randomUUID(), user, sha256(token),
                    Timestamp.from(Instant.now()));
            clients.add(new Client(user, username, team, token));
        }
        connection.commit();
        connection.setAutoCommit(autoCommit);
        return clients;
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
