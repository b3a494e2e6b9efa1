package io.cairn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.delivery.DeliveryRound;
import io.cairn.identity.Role;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Acknowledgements leave through the outbox: at least once, retried with back-off while the mail server is down,
 * dead-lettered after the last attempt, and retried by an admin.
 */
@MailServers.Running
class NotificationOutboxTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotificationManagement notifications;

    ApiClient admin;
    ApiClient handler;
    String run;

    @BeforeEach
    void setUp() {
        run = Long.toString(System.nanoTime(), 36);
        admin = client(users.userNamed("na-" + run, Set.of(Role.ADMIN)));
        handler = client(users.userNamed("nh-" + run, Set.of(Role.HANDLER)));
    }

    @AfterEach
    void mailServerBackUp() {
        MailServers.startOutbound();
    }

    /** A reporter with an e-mail address reports through the API; returns the address. */
    private String report(String name, String language) {
        String address = name + "-" + run + "@example.org";
        ApiClient reporter = client(users.userNamed(name + "-" + run, address, Set.of(Role.REPORTER)));
        ApiClient.Answer receipt = reporter.post(
                "/api/v1/reports",
                Map.of(
                        "template",
                        "unauthorised-access",
                        "language",
                        language,
                        "answers",
                        Map.of("what", "Payroll share", "details", "Opened by a stranger")));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        return address;
    }

    private JsonNode notificationTo(String address) {
        String id = jdbc.sql("select id::text from notification_outbox where recipient = ?")
                .param(address)
                .query(String.class)
                .single();
        ApiClient.Answer found = admin.get("/api/v1/notifications/" + id);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        return found.json();
    }

    private static String text(MimeMessage mail) throws Exception {
        return mail.getContent().toString().replace("\r\n", "\n");
    }

    @Test
    void aReportThroughTheApiIsAcknowledgedInTheReportersLanguageWithALinkToTheirReportPage() throws Exception {
        String address = report("nora", "nl");

        DeliveryRound round = notifications.deliverDue();

        assertThat(round.delivered()).isPositive();
        List<MimeMessage> sent = MailServers.sentTo(address);
        assertThat(sent).hasSize(1);
        String incident = jdbc.sql("select incident_id::text from intake_report r join app_user u on true "
                        + "where u.email = ? and r.incident_id in (select id from incident where reporter_id = u.id)")
                .param(address)
                .query(String.class)
                .single();
        assertThat(sent.get(0).getSubject()).startsWith("Uw melding INC-").endsWith(" is ontvangen");
        assertThat(sent.get(0).getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(sent.get(0).getMessageID())
                .isEqualTo("<" + notificationTo(address).get("id").asString() + "@cairn.test>");
        assertThat(text(sent.get(0)))
                .contains("Dank u voor uw melding")
                .contains("https://cairn.test/reports/" + incident)
                .doesNotContain("volgcode");
        JsonNode notification = notificationTo(address);
        assertThat(notification.get("state").asString()).isEqualTo("delivered");
        assertThat(notification.get("attempts").asInt()).isEqualTo(1);
        assertThat(notification.get("deliveries").get(0).get("succeeded").asBoolean())
                .isTrue();
    }

    @Test
    void whileTheMailServerIsDownAttemptsAreCountedAndBackedOffAndTheMailGoesOutWhenItIsBack() {
        // Other tests' mails (SLA warnings, acknowledgements) would share the failing rounds below and make them
        // slower than the back-off this test relies on.
        while (notifications.deliverDue().delivered() > 0) {
            // each round sends at most a batch
        }
        MailServers.stopOutbound();
        String address = report("otto", "en");

        notifications.deliverDue();
        JsonNode failed = notificationTo(address);
        assertThat(failed.get("state").asString()).isEqualTo("pending");
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("lastError").asString()).containsIgnoringCase("connect");
        assertThat(Instant.parse(failed.get("nextAttemptAt").asString()))
                .isAfter(Instant.parse(failed.get("deliveries").get(0).get("at").asString()));
        notifications.deliverDue();
        assertThat(notificationTo(address).get("attempts").asInt())
                .as("not due again yet")
                .isEqualTo(1);

        MailServers.startOutbound();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    notifications.deliverDue();
                    assertThat(notificationTo(address).get("state").asString()).isEqualTo("delivered");
                });

        assertThat(MailServers.sentTo(address)).hasSize(1);
        JsonNode delivered = notificationTo(address);
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.get("deliveries").findValuesAsString("attempt")).containsExactly("1", "2");
        assertThat(delivered.get("deliveries").get(0).get("succeeded").asBoolean())
                .isFalse();
        assertThat(delivered.get("deliveries").get(1).get("succeeded").asBoolean())
                .isTrue();
    }

    @Test
    void afterTheLastAttemptANotificationIsDeadLetteredAndAnAdminSendsItAgain() {
        MailServers.stopOutbound();
        String address = report("dora", "en");

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    notifications.deliverDue();
                    assertThat(notificationTo(address).get("state").asString()).isEqualTo("dead");
                });
        JsonNode dead = notificationTo(address);
        assertThat(dead.get("attempts").asInt()).isEqualTo(3);
        assertThat(dead.get("deliveries").size()).isEqualTo(3);
        ApiClient.Answer deadLetters = admin.get("/api/v1/notifications/dead-letters");
        assertThat(deadLetters.status()).isEqualTo(200);
        assertThat(deadLetters.json().findValuesAsString("recipient")).contains(address);
        assertThat(deadLetters.body()).doesNotContain("followUpCode");

        MailServers.startOutbound();
        ApiClient.Answer retried =
                admin.post("/api/v1/notifications/" + dead.get("id").asString() + "/retry", "");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("state").asString()).isEqualTo("pending");
        assertThat(retried.json().get("attempts").asInt()).isZero();
        notifications.deliverDue();

        assertThat(notificationTo(address).get("state").asString()).isEqualTo("delivered");
        assertThat(MailServers.sentTo(address)).hasSize(1);
        assertThat(admin.get("/api/v1/notifications/dead-letters").json().findValuesAsString("recipient"))
                .doesNotContain(address);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'notification.retried' and object_id = ?")
                        .param(dead.get("id").asString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        ApiClient.Answer again =
                admin.post("/api/v1/notifications/" + dead.get("id").asString() + "/retry", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("only a dead letter can be retried");
    }

    @Test
    void onlyAdminsSeeAndRetryNotifications() {
        String address = report("paul", "en");
        String id = jdbc.sql("select id::text from notification_outbox where recipient = ?")
                .param(address)
                .query(String.class)
                .single();

        ApiClient.Answer list = handler.get("/api/v1/notifications/dead-letters");
        ApiClient.Answer one = handler.get("/api/v1/notifications/" + id);
        ApiClient.Answer retry = handler.post("/api/v1/notifications/" + id + "/retry", "");

        assertThat(List.of(list.status(), one.status(), retry.status())).containsOnly(403);
        assertThat(retry.header("Content-Type")).startsWith("application/problem+json");
        assertThat(retry.json().get("detail").asString()).isEqualTo("you need the role admin to retry notifications");
        assertThat(new ApiClient(port, null)
                        .get("/api/v1/notifications/dead-letters")
                        .status())
                .isEqualTo(401);
        assertThat(admin.post("/api/v1/notifications/" + java.util.UUID.randomUUID() + "/retry", "")
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/notifications/not-an-id").status()).isEqualTo(400);
    }

    @Test
    void nodesDrainingTheOutboxAtOnceDeliverEachNotificationOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            addresses.add(report("many" + i, "en"));
        }
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            List<Callable<DeliveryRound>> rounds =
                    List.of(notifications::deliverDue, notifications::deliverDue, notifications::deliverDue);
            int delivered = 0;
            for (Future<DeliveryRound> round : nodes.invokeAll(rounds)) {
                delivered += round.get().delivered();
            }
            assertThat(delivered).isGreaterThanOrEqualTo(12);
        } finally {
            nodes.shutdown();
        }

        for (String address : addresses) {
            assertThat(MailServers.sentTo(address)).as(address).hasSize(1);
            assertThat(notificationTo(address).get("attempts").asInt()).isEqualTo(1);
        }
    }
}
