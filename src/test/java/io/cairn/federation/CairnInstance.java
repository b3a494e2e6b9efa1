package io.cairn.federation;

import io.cairn.ApiClient;
import io.cairn.CairnApplication;
import io.cairn.FreePort;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole Cairn instance on a loopback port with a database and audit directory of its own, for tests in which
 * instances talk to each other over real HTTP.
 *
 * @param url its base URL, {@code http://127.0.0.1:<port>}
 * @param admin a client acting as an admin of it
 * @param properties the properties it was started with, so that it can be started again as itself
 * @param sources the further configuration classes it was started with
 */
record CairnInstance(
        ConfigurableApplicationContext context,
        int port,
        String url,
        ApiClient admin,
        Map<String, Object> properties,
        List<Class<?>> sources)
        implements AutoCloseable {

    CairnInstance {
        properties = Map.copyOf(properties);
        sources = List.copyOf(sources);
    }

    /** Starts an instance with this federation name and any further properties. */
    static CairnInstance start(String name, Map<String, Object> more) {
        return start(name, more, new Class<?>[0]);
    }

    /** Starts an instance with this federation name, further properties and further configuration classes. */
    static CairnInstance start(String name, Map<String, Object> more, Class<?>... sources) {
        int port = FreePort.any();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", port);
        properties.put("cairn.base-url", "http://127.0.0.1:" + port);
        properties.put("cairn.federation.name", name);
        properties.put("cairn.embedded-db.data-dir", "target/test-db");
        properties.put("cairn.embedded-db.clean", "true");
        // named here rather than "random", so that a restart finds the same database
        properties.put(
                "cairn.embedded-db.database",
                "cairn_" + UUID.randomUUID().toString().replace("-", ""));
        properties.put("cairn.embedded-db.durable", "false");
        properties.put("cairn.audit.directory", "target/test-audit/" + UUID.randomUUID());
        properties.put("cairn.admin.password", "Federation-admin-1");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(more);
        return run(port, properties, List.of(sources));
    }

    /**
     * Starts {@code count} instances one after the other, in index order: contexts starting at once race on the JVM's
     * logging set-up ("Unable to find Spring Environment in logger context").
     */
    static List<CairnInstance> startAll(int count, IntFunction<CairnInstance> start) {
        return IntStream.range(0, count).mapToObj(start).toList();
    }

    /**
     * Registers the two as each other's peers under these names (keys fetched from each other's JWKS) and writes a
     * subscription of the customer at the provider straight into both databases, with a rule that publishes and relays
     * everything, active or cancelled; its id.
     */
    static UUID connect(
            CairnInstance provider, String providerName, CairnInstance customer, String customerName, boolean active) {
        UUID providerAtCustomer = customer.registerPeer(providerName, provider, "provider");
        UUID customerAtProvider = provider.registerPeer(customerName, customer, "customer");
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        String state = active ? "active" : "cancelled";
        provider.bean(JdbcClient.class)
                .sql("""
                        insert into federation_subscription (id, peer_id, services, categories, auto_publish,
                          auto_confirmed_only, auto_relay, state, created_at, updated_at, version)
                        values (?, ?, '{}', '{}', true, false, true, ?, ?, ?, 1)""")
                .params(id, customerAtProvider, state, now, now)
                .update();
        customer.bean(JdbcClient.class)
                .sql("""
                        insert into federation_upstream_subscription (id, peer_id, services, categories, state,
                          created_at, updated_at, version)
                        values (?, ?, '{}', '{}', ?, ?, ?, 1)""")
                .params(id, providerAtCustomer, state, now, now)
                .update();
        return id;
    }

    /** Registers the other instance as a peer of this one by the admin API; the peer's id here. */
    UUID registerPeer(String name, CairnInstance other, String role) {
        ApiClient.Answer registered =
                admin.post("/api/v1/federation/peers", Map.of("name", name, "baseUrl", other.url(), "role", role));
        if (registered.status() != 201) {
            throw new IllegalStateException("could not register " + name + ": " + registered);
        }
        return UUID.fromString(registered.json().get("id").asString());
    }

    private static CairnInstance run(int port, Map<String, Object> properties, List<Class<?>> sources) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CairnApplication.class)
                .sources(sources.toArray(Class<?>[]::new))
                .run(properties.entrySet().stream()
                        .map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
        return new CairnInstance(
                context,
                port,
                "http://127.0.0.1:" + port,
                new ApiClient(
                        port,
                        new TestUsers(context).user("admin", Set.of(Role.ADMIN)).token()),
                properties,
                sources);
    }

    /**
     * Starts this instance again after it was closed, as the same instance: on its port and base URL, with its
     * database (not cleaned) and audit directory, and these properties changed.
     */
    CairnInstance restart(Map<String, Object> changed) {
        if (context.isActive()) {
            throw new IllegalStateException("close the instance before starting it again");
        }
        Map<String, Object> again = new LinkedHashMap<>(properties);
        again.put("cairn.embedded-db.clean", "false");
        again.putAll(changed);
        return run(port, again, sources);
    }

    /** The name its peers know it by: its {@code cairn.federation.name}. */
    String name() {
        return String.valueOf(properties.get("cairn.federation.name"));
    }

    /** A client acting as a user of this instance with these roles, made for the call. */
    ApiClient user(String name, Set<Role> roles) {
        return new ApiClient(port, new TestUsers(context).user(name, roles).token());
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
