package io.cairn.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

/**
 * One Cairn instance of the federation benchmark: the jar as a separate process on a loopback port, with its own
 * database in the benchmark's PostgreSQL, its base URL ({@code cairn.base-url}) and federation name set, one team,
 * an admin and a handler of that team with a personal API token each (written as {@link Accounts} writes them, and
 * checked with {@code GET /api/v1/me}).
 */
final class FederationInstance implements AutoCloseable {

    final String name;
    final String database;
    final CairnServer server;
    final UUID team;
    final String adminToken;
    final String handlerToken;
    /** The file of the key that seals the instance's signing keys in its database. */
    final Path keySealFile;
    private final BenchDatabase postgres;

    private FederationInstance(String name, String database, CairnServer server, UUID team, String adminToken,
            String handlerToken, Path keySealFile, BenchDatabase postgres) {
        this.name = name;
        this.database = database;
        this.server = server;
        this.team = team;
        this.adminToken = adminToken;
        this.handlerToken = handlerToken;
        this.keySealFile = keySealFile;
        this.postgres = postgres;
    }

    /**
     * Starts an instance named {@code name} on a fresh database of that name, with the server's JVM flags and these
     * Cairn settings besides its base URL and name.
     */
    static FederationInstance start(BenchDatabase postgres, String name, Path jar, List<String> jvm,
            List<String> settings, Path results) throws IOException, InterruptedException, SQLException {
        postgres.createDatabase(name);
        int port = CairnServer.freePort();
        List<String> arguments = new ArrayList<>(List.of("--cairn.base-url=http://127.0.0.1:" + port,
                "--cairn.federation.name=" + name,
                // nobody witnesses anybody's audit trail during a run (every 5 minutes by default)
                "--cairn.federation.witness-interval=PT1H",
                // its own audit checkpoint log and key, not the ./cairn-data/audit every instance would share
                "--cairn.audit.directory=" + results.resolve(name + "-audit"),
                "--cairn.federation.key-seal-file=" + results.resolve(name + "-signing-keys.seal")));
        arguments.addAll(settings);
        Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL", postgres.jdbcUrl(name),
                "SPRING_DATASOURCE_USERNAME", postgres.user(), "SPRING_DATASOURCE_PASSWORD", postgres.password(),
                "CAIRN_ADMIN_PASSWORD", "bench-" + UUID.randomUUID());
        List<String> flags = new ArrayList<>(jvm);
        if (Boolean.getBoolean("bench.jfr")) {
            // where the instance's time goes, for finding what is slow; not for figures (it slows the JIT down)
            flags.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + results.resolve(name + ".jfr"));
        }
        CairnServer server = CairnServer.start(jar, flags, environment, arguments, results.resolve(name + ".log"),
                port);
        try (Connection connection = postgres.connect(name)) {
            UUID unit = UUID.randomUUID();
            UUID team = UUID.randomUUID();
            insert(connection, "insert into business_unit (id, name, description, version) values (?, ?, '', 0)", unit,
                    "Operations " + name);
            insert(connection, "insert into team (id, name, description, business_unit_id, version) "
                    + "values (?, ?, '', ?, 0)", team, "CSIRT " + name, unit);
            Accounts.Client admin = Accounts.create(connection, "bench." + name + ".admin", 1, List.of(team),
                    List.of("ADMIN")).get(0);
            Accounts.Client handler = Accounts.create(connection, "bench." + name + ".handler", 1, List.of(team),
                    List.of("HANDLER")).get(0);
            FederationInstance instance = new FederationInstance(name, name, server, team, admin.token(),
                    handler.token(), results.resolve(name + "-signing-keys.seal"), postgres);
            for (Accounts.Client client : List.of(admin, handler)) {
                if (!instance.get("/api/v1/me", client.token()).body().contains(client.username())) {
                    throw new IllegalStateException("token of " + client.username() + " refused");
                }
            }
            return instance;
        } catch (RuntimeException | SQLException e) {
            server.close();
            throw e;
        }
    }

    private static void insert(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    String baseUrl() {
        return server.baseUrl();
    }

    Connection connect() throws SQLException {
        return postgres.connect(database);
    }

    /**
     * The instance's active signing key, as the server keeps it: read from its database and opened with its key-seal
     * file (a JWE, direct A256GCM; see io.cairn.federation.SigningKeySeal). The benchmark signs the messages it seeds
     * with it.
     */
    ECKey signingKey() throws SQLException, IOException {
        String sealed;
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select private_jwk from federation_signing_key where retired_at is null")) {
            row.next();
            sealed = row.getString(1);
        }
        byte[] seal = Base64.getDecoder().decode(Files.readString(keySealFile).strip());
        try {
            JWEObject jwe = JWEObject.parse(sealed);
            jwe.decrypt(new DirectDecrypter(new SecretKeySpec(seal, "AES")));
            return ECKey.parse(jwe.getPayload().toString());
        } catch (java.text.ParseException | JOSEException e) {
            throw new IllegalStateException("the signing key of " + name + " does not open with " + keySealFile, e);
        }
    }

    /** The instance's public keys, from {@code /federation/v1/jwks.json}. */
    JWKSet keys() throws IOException, InterruptedException {
        try {
            return JWKSet.parse(Api.call("GET", baseUrl() + "/federation/v1/jwks.json", "none", null, 200).body());
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    Api.Answer get(String path, String token) throws IOException, InterruptedException {
        return Api.call("GET", baseUrl() + path, token, null, 200);
    }

    Api.Answer admin(String method, String path, String body, int expected) throws IOException, InterruptedException {
        return Api.call(method, baseUrl() + path, adminToken, body, expected);
    }

    Api.Answer handler(String method, String path, String body, int expected)
            throws IOException, InterruptedException {
        return Api.call(method, baseUrl() + path, handlerToken, body, expected);
    }

    /** Reports an incident as the handler, for the handler's team, marked GREEN: its id. */
    String report(String title) throws IOException, InterruptedException {
        String body = "{\"title\":" + IncidentBodies.quote(title) + ",\"description\":"
                + IncidentBodies.quote("Unauthorised access to object storage in region eu-west: a leaked access "
                        + "key was used to list and read buckets of several tenants.")
                + ",\"category\":{\"rsitClass\":\"intrusions\",\"rsitType\":\"system-compromise\"}"
                + ",\"impact\":\"high\",\"urgency\":\"high\",\"tlp\":\"GREEN\",\"team\":\"" + team + "\"}";
        return (String) handler("POST", "/api/v1/incidents", body, 201).json().get("id");
    }

    long count(String sql) throws SQLException {
        try (Connection connection = connect(); java.sql.Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
