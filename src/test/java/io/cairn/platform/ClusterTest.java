package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.CairnApplication;
import io.cairn.FormSession;
import io.cairn.FreePort;
import io.cairn.MailServers;
import io.cairn.handling.sla.SlaManagement;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.notification.NotificationManagement;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two Cairn nodes on one PostgreSQL, as the README promises for scaling out, under concurrent load on both: no SLA
 * warning, breach or escalation, no mail and no recurrence check is done twice, sign-in throttling is shared, the
 * audit chain stays whole, and a disabled user is refused on both nodes within the documented time.
 *
 * <p>Both nodes start at the same moment on a new database (as replicas of a deployment do), with every background
 * worker running often: the outbox every 0.2 s, recurrence detection every 0.1 s.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTest {

    /** Kept short so that the test of the documented time does not wait long. */
    private static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(1);
    /** How often a node reloads a session's user: {@code ACTOR_REFRESH} in IdentityManagement, as documented. */
    private static final Duration SESSION_REFRESH = Duration.ofSeconds(5);
    /** Time for the requests that notice it on a busy machine. */
    private static final Duration MARGIN = Duration.ofSeconds(3);

    private static final int WRITERS_PER_NODE = 3;

    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private int portA;
    private int portB;
    private TestUsers users;
    private String run;
    private String adminToken;
    private ApiClient adminOnA;

    @BeforeAll
    void startTwoNodesOnOneDatabase() throws Exception {
        Map<String, Object> database = newDatabase();
        portA = FreePort.any();
        portB = FreePort.any();
        var a = CompletableFuture.supplyAsync(() -> node(portA, database));
        var b = CompletableFuture.supplyAsync(() -> node(portB, database));
        nodeA = a.join();
        nodeB = b.join();
        users = new TestUsers(nodeA);
    }

    @AfterAll
    void stopTheNodes() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @BeforeEach
    void anAdmin() {
        run = Long.toString(System.nanoTime(), 36);
        adminToken = users.user("admin", Set.of(Role.ADMIN, Role.AUDITOR)).token();
        adminOnA = new ApiClient(portA, adminToken);
    }

    /** A new database on the tests' embedded PostgreSQL, and the properties that point a node at it. */
    private static Map<String, Object> newDatabase() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "cairn.embedded-db.data-dir",
                                "target/test-db",
                                "cairn.embedded-db.clean",
                                "true",
                                "cairn.embedded-db.database",
                                "random",
                                "cairn.embedded-db.durable",
                                "false")));
        new EmbeddedPostgresEnvironment(Supplier::get).postProcessEnvironment(environment, new SpringApplication());
        Map<String, Object> database = new HashMap<>();
        for (String property :
                List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password")) {
            database.put(property, environment.getRequiredProperty(property));
        }
        return database;
    }

    private static ConfigurableApplicationContext node(int port, Map<String, Object> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.putAll(Map.of(
                "server.port",
                port,
                "spring.main.banner-mode",
                "off",
                "cairn.admin.password",
                "Cluster-admin-password-1",
                "cairn.api.token-cache-ttl",
                TOKEN_CACHE_TTL.toString(),
                "cairn.notification.drain-interval",
                "PT0.2S",
                "cairn.recurrence.detect-interval",
                "PT0.1S",
                "cairn.mail.from",
                MailServers.CAIRN_ADDRESS,
                // as a cluster should be: one checkpoint key for all nodes, a checkpoint log of each node's own
                "cairn.audit.key-file",
                "target/cluster-audit/" + database.get("spring.datasource.url").hashCode() + "/checkpoint.key",
                "cairn.audit.directory",
                "target/cluster-audit/" + database.get("spring.datasource.url").hashCode() + "/node-" + port));
        // as arguments: default properties would yield to application.yml
        return new SpringApplicationBuilder(CairnApplication.class)
                .initializers(new MailServers.Initializer())
                .run(properties.entrySet().stream()
                        .map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
    }

    @Test
    void theAuditChainStaysWholeUnderConcurrentWritesOnBothNodes() throws Exception {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));
        List<String> reported = onBothNodes(handler, 15, (api, i) -> {
            ApiClient.Answer created = api.post(
                    "/api/v1/incidents",
                    Map.of(
                            "title",
                            "Chain " + run + " " + i,
                            "description",
                            "Written on two nodes at once",
                            "impact",
                            "medium",
                            "urgency",
                            "medium"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ApiClient.Answer triaged = api.post(
                    "/api/v1/incidents/" + created.json().get("id").asString() + "/transition",
                    Map.of(
                            "to",
                            "triage",
                            "version",
                            created.json().get("version").asLong()));
            assertThat(triaged.status()).as(triaged.toString()).isEqualTo(200);
            return created.json().get("id").asString();
        });

        assertThat(reported).hasSize(2 * WRITERS_PER_NODE * 15).doesNotHaveDuplicates();
        for (int port : List.of(portA, portB)) {
            JsonNode verification =
                    new ApiClient(port, adminToken).get("/api/v1/audit/verify").json();
            assertThat(verification.get("intact").asBoolean())
                    .as(verification.toString())
                    .isTrue();
        }
        assertThat(jdbc().sql("select count(*) from audit_record where action = 'incident.reported' and object_id = "
                                + "any(?)")
                        .param(reported.toArray(String[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(reported.size());
    }

    @Test
    void noSlaWarningBreachEscalationOrMailIsDoneTwice() throws Exception {
        String ownerAddress = "owner-" + run + "@example.org";
        TestUser owner = users.userNamed("owner-" + run, ownerAddress, Set.of(Role.HANDLER));
        users.userNamed("coordinator-" + run, "coordinator-" + run + "@example.org", Set.of(Role.COORDINATOR));
        users.userNamed("duty-" + run, "duty-" + run + "@example.org", Set.of(Role.HANDLER));
        ApiClient.Answer level = adminOnA.post(
                "/api/v1/sla/escalation-levels",
                Map.of("name", "Duty " + run, "notifyKind", "user", "notifyTarget", "duty-" + run, "waitFor", "30m"));
        assertThat(level.status()).as(level.toString()).isEqualTo(201);
        ApiClient.Answer policy = adminOnA.put(
                "/api/v1/sla/policies/P1",
                Map.of(
                        "responseTarget",
                        "1h",
                        "resolutionTarget",
                        "8h",
                        "escalationLevel",
                        level.json().get("id").asString()));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        Instant start = Instant.now();
        List<String> incidents = onBothNodes(owner, 4, (api, i) -> {
            ApiClient.Answer created = api.post(
                    "/api/v1/incidents",
                    Map.of(
                            "title",
                            "Outage " + run + " " + i,
                            "description",
                            "Owned, breaching on two nodes",
                            "impact",
                            "high",
                            "urgency",
                            "high",
                            "owner",
                            owner.id().toString()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            // acknowledged, so that only the resolution clock runs: one warning, breach and escalation each
            ApiClient.Answer triaged = api.post(
                    "/api/v1/incidents/" + created.json().get("id").asString() + "/transition",
                    Map.of(
                            "to",
                            "triage",
                            "version",
                            created.json().get("version").asLong()));
            assertThat(triaged.status()).as(triaged.toString()).isEqualTo(200);
            return created.json().get("id").asString();
        });

        // Every node scans at once, at the warning, the breach and the escalation of the resolution target (8 h).
        for (Duration after : List.of(
                Duration.ofHours(6).plusMinutes(5),
                Duration.ofHours(8).plusMinutes(5),
                Duration.ofHours(8).plusMinutes(40))) {
            Instant at = start.plus(after);
            concurrently(
                    2 * WRITERS_PER_NODE,
                    worker -> sla(worker % 2 == 0 ? nodeA : nodeB).scan(at));
        }
        concurrently(
                2 * WRITERS_PER_NODE,
                worker -> notifications(worker % 2 == 0 ? nodeA : nodeB).deliverDue());
        awaitTrue(
                "the outbox drained",
                () -> jdbc().sql("select count(*) from notification_outbox where state = " + "'pending'")
                                .query(Long.class)
                                .single()
                        == 0,
                Duration.ofSeconds(60));

        for (String action : List.of("sla.warned", "sla.breached", "sla.escalated")) {
            assertThat(jdbc().sql("select object_id from audit_record where action = ? and object_id = any(?)")
                            .params(
                                    action,
                                    incidents.stream()
                                            .map(id -> id + "/resolution")
                                            .toArray(String[]::new))
                            .query(String.class)
                            .list())
                    .as(action)
                    .hasSize(incidents.size())
                    .doesNotHaveDuplicates();
        }
        assertThat(jdbc().sql("""
                select object_id || ' ' || action from audit_record where action like 'sla.%'
                group by object_id, action having count(*) > 1""").query(String.class).list())
                .as("any clock's warning, breach or escalation recorded twice")
                .isEmpty();
        List<MimeMessage> mails = mailsFor(run);
        assertThat(mails).extracting(ClusterTest::messageId).doesNotHaveDuplicates();
        assertThat(mails).extracting(ClusterTest::recipientAndSubject).doesNotHaveDuplicates();
        assertThat(MailServers.sentTo(ownerAddress)).hasSize(2 * incidents.size());
        assertThat(MailServers.sentTo("duty-" + run + "@example.org")).hasSize(incidents.size());
    }

    @Test
    void noRecurrenceCheckIsDoneTwice() throws Exception {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));
        List<String> reported = onBothNodes(handler, 5, (api, i) -> {
            ApiClient.Answer created = api.post(
                    "/api/v1/incidents",
                    Map.of(
                            "title",
                            "Invoice lure " + run + " mailbox credentials harvested",
                            "description",
                            "Phishing " + run + " invoice mailbox credentials harvested " + i,
                            "category",
                            Map.of("rsitClass", "fraud", "rsitType", "phishing"),
                            "impact",
                            "medium",
                            "urgency",
                            "medium"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return created.json().get("id").asString();
        });
        awaitTrue(
                "every queued incident checked",
                () -> jdbc().sql("select count(*) from recurrence_check")
                                .query(Long.class)
                                .single()
                        == 0,
                Duration.ofSeconds(120));

        String[] ids = reported.toArray(String[]::new);
        List<String> recorded = jdbc().sql("select object_id from audit_record where action = "
                        + "'incident.recurrence-detected' and object_id = any(?)")
                .param(ids)
                .query(String.class)
                .list();
        assertThat(recorded).as("incidents whose recurrence was recorded twice").doesNotHaveDuplicates();
        assertThat(recorded)
                .as("one record for each recurring incident")
                .hasSize(jdbc().sql(
                                "select count(distinct incident_id) from recurrence where incident_id::text = any(?)")
                        .param(ids)
                        .query(Long.class)
                        .single()
                        .intValue());
        assertThat(recorded).as("recurring incidents").hasSizeGreaterThan(reported.size() / 2);
    }

    @Test
    void failedSignInsOnOneNodeLockTheAccountOutOnTheOther() {
        TestUser user = users.user("throttled", Set.of(Role.HANDLER));
        for (int i = 0; i < 2; i++) {
            assertThat(new FormSession(portA).signIn(user.username(), "wrong-password-" + i))
                    .isEqualTo("/login?error");
        }
        // The further failures up to the limit from elsewhere, without the growing waits between them; this address
        // stays free, so that only the account's lockout can refuse the sign-in on the other node.
        IdentityManagement identityOnA = nodeA.getBean(IdentityManagement.class);
        for (int i = 2; i < 10; i++) {
            identityOnA.signInFailed(user.username(), "192.0.2.10");
        }

        String refused = new FormSession(portB).signIn(user.username(), TestUsers.PASSWORD);

        assertThat(refused).startsWith("/login?wait=");
        assertThat(Long.parseLong(refused.substring("/login?wait=".length()))).isGreaterThan(60);
    }

    @Test
    void aDisabledUserIsRefusedOnBothNodesWithinTheDocumentedTime() throws Exception {
        TestUser user = users.user("leaver", Set.of(Role.HANDLER));
        Map<String, FormSession> sessions = Map.of("A", new FormSession(portA), "B", new FormSession(portB));
        Map<String, ApiClient> tokens =
                Map.of("A", new ApiClient(portA, user.token()), "B", new ApiClient(portB, user.token()));
        for (String node : List.of("A", "B")) {
            assertThat(sessions.get(node).signIn(user.username(), TestUsers.PASSWORD))
                    .isEqualTo("/");
            // a session and a token in use, their user remembered by each node
            assertThat(sessions.get(node).get("/api/v1/me").status()).isEqualTo(200);
            assertThat(tokens.get(node).get("/api/v1/me").status()).isEqualTo(200);
        }

        long version =
                adminOnA.get("/api/v1/users/" + user.id()).json().get("version").asLong();
        ApiClient.Answer disabled = adminOnA.put(
                "/api/v1/users/" + user.id(),
                Map.of("displayName", "Leaver", "roles", List.of("HANDLER"), "enabled", false, "version", version));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        long at = System.nanoTime();

        assertThat(tokens.get("A").get("/api/v1/me").status())
                .as("a token on the node that disabled")
                .isEqualTo(401);
        concurrently(4, worker -> {
            String node = worker % 2 == 0 ? "A" : "B";
            boolean token = worker < 2;
            Duration bound = (token ? TOKEN_CACHE_TTL : SESSION_REFRESH).plus(MARGIN);
            awaitTrue(
                    (token ? "the token on " : "the session on ") + node + " refused",
                    () -> (token
                                            ? tokens.get(node).get("/api/v1/me")
                                            : sessions.get(node).get("/api/v1/me"))
                                    .status()
                            == 401,
                    bound.minusNanos(System.nanoTime() - at));
            return null;
        });
    }

    /** Writes through both nodes at once, each writer acting as the user; what each write returned. */
    private <T> List<T> onBothNodes(TestUser user, int writesPerWriter, Write<T> write) throws Exception {
        List<T> results = java.util.Collections.synchronizedList(new ArrayList<>());
        concurrently(2 * WRITERS_PER_NODE, worker -> {
            ApiClient api = new ApiClient(worker % 2 == 0 ? portA : portB, user.token());
            for (int i = 0; i < writesPerWriter; i++) {
                results.add(write.apply(api, worker * writesPerWriter + i));
            }
            return null;
        });
        return results;
    }

    private interface Write<T> {
        T apply(ApiClient api, int number);
    }

    private interface Work {
        Object run(int worker) throws Exception;
    }

    /** Runs the work in that many threads at once, started together; fails with the first failure. */
    private static void concurrently(int workers, Work work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int worker = 0; worker < workers; worker++) {
                int number = worker;
                done.add(threads.submit((Callable<Object>) () -> {
                    go.await();
                    return work.run(number);
                }));
            }
            go.countDown();
            for (Future<Object> each : done) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitTrue(String what, BooleanSupplier condition, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + patience);
            }
            Thread.sleep(100);
        }
    }

    private JdbcClient jdbc() {
        return nodeA.getBean(JdbcClient.class);
    }

    private static SlaManagement sla(ConfigurableApplicationContext node) {
        return node.getBean(SlaManagement.class);
    }

    private static NotificationManagement notifications(ConfigurableApplicationContext node) {
        return node.getBean(NotificationManagement.class);
    }

    private static List<MimeMessage> mailsFor(String run) {
        return List.of(MailServers.outbound().getReceivedMessages()).stream()
                .filter(mail -> recipientAndSubject(mail).contains(run))
                .toList();
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipientAndSubject(MimeMessage mail) {
        try {
            return java.util.Arrays.toString(mail.getAllRecipients()) + " " + mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
