package io.cairn.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.handling.sla.SlaManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * SLA breaches reach people: a mail through the outbox and a message in the in-app inbox for the owner and the
 * coordinators; a breach nobody acknowledges escalates to the next level's people; an acknowledgement stops it.
 */
@MailServers.Running
class SlaNotificationTest extends ApiClient.OnServer {

    @Autowired
    SlaManagement sla;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    JdbcClient jdbc;

    String run;
    ApiClient admin;
    ApiClient owner;
    ApiClient coordinator;
    ApiClient dutyManager;
    TestUsers.TestUser ownerUser;
    String ownerAddress;
    String coordinatorAddress;
    String dutyAddress;

    @BeforeEach
    void setUp() {
        run = Long.toString(System.nanoTime(), 36);
        admin = client(users.userNamed("sn-admin-" + run, Set.of(Role.ADMIN)));
        ownerAddress = "owner-" + run + "@example.org";
        coordinatorAddress = "coord-" + run + "@example.org";
        dutyAddress = "duty-" + run + "@example.org";
        ownerUser = users.userNamed("sn-owner-" + run, ownerAddress, Set.of(Role.HANDLER));
        owner = client(ownerUser);
        coordinator = client(users.userNamed("sn-coord-" + run, coordinatorAddress, Set.of(Role.COORDINATOR)));
        dutyManager = client(users.userNamed("sn-duty-" + run, dutyAddress, Set.of(Role.HANDLER)));
    }

    /** Back to the shipped P1 policy, and the outbox drained, so that the other mail tests start from an empty one. */
    @AfterEach
    void plainP1PolicyAndAnEmptyOutbox() {
        admin.put("/api/v1/sla/policies/P1", Map.of("responseTarget", "1h", "resolutionTarget", "8h"));
        while (notifications.deliverDue().delivered() > 0) {
            // each round sends at most a batch
        }
    }

    /** A P1 incident owned by the owner and in triage (so its response is met), with a P1 policy escalating to a duty level. */
    private JsonNode ownedIncidentEscalatingToTheDutyManager() {
        ApiClient.Answer level = admin.post(
                "/api/v1/sla/escalation-levels",
                Map.of(
                        "name",
                        "Duty " + run,
                        "notifyKind",
                        "user",
                        "notifyTarget",
                        "sn-duty-" + run,
                        "waitFor",
                        "30m"));
        assertThat(level.status()).as(level.toString()).isEqualTo(201);
        ApiClient.Answer policy = admin.put(
                "/api/v1/sla/policies/P1",
                Map.of(
                        "responseTarget",
                        "1h",
                        "resolutionTarget",
                        "8h",
                        "escalationLevel",
                        level.json().get("id").asString()));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        ApiClient.Answer created = owner.post(
                "/api/v1/incidents",
                Map.of(
                        "title",
                        "Ransomware " + run,
                        "description",
                        "Files encrypted",
                        "impact",
                        "high",
                        "urgency",
                        "high",
                        "owner",
                        ownerUser.id().toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiClient.Answer triaged = owner.post(
                "/api/v1/incidents/" + created.json().get("id").asString() + "/transition",
                Map.of("to", "triage", "version", created.json().get("version").asLong()));
        assertThat(triaged.status()).as(triaged.toString()).isEqualTo(200);
        return created.json();
    }

    /** The subjects of a user's in-app messages about one incident: other tests' incidents breach in the same scans. */
    private static List<String> about(ApiClient client, JsonNode incident) {
        String reference = incident.get("reference").asString() + ":";
        return messages(client).stream()
                .map(message -> message.get("subject").asString())
                .filter(subject -> subject.startsWith(reference))
                .toList();
    }

    private static String text(MimeMessage mail) throws Exception {
        return mail.getContent().toString().replace("\r\n", "\n");
    }

    private static List<JsonNode> messages(ApiClient client) {
        ApiClient.Answer inbox = client.get("/api/v1/notifications");
        assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
        List<JsonNode> messages = new java.util.ArrayList<>();
        inbox.json().forEach(messages::add);
        return messages;
    }

    @Test
    void aBreachIsMailedAndPutInTheInboxOfTheOwnerAndTheCoordinators() throws Exception {
        JsonNode incident = ownedIncidentEscalatingToTheDutyManager();
        String reference = incident.get("reference").asString();
        Instant reported = Instant.parse(incident.get("reportedAt").asString());

        sla.scan(reported.plus(Duration.ofHours(7)));
        sla.scan(reported.plus(Duration.ofHours(8)).plusSeconds(1));
        notifications.deliverDue();

        List<MimeMessage> toOwner = MailServers.sentTo(ownerAddress);
        assertThat(toOwner)
                .extracting(MimeMessage::getSubject)
                .containsExactly(
                        reference + ": the resolution target is due "
                                + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                                        .withZone(java.time.ZoneOffset.UTC)
                                        .format(reported.plus(Duration.ofHours(8))),
                        reference + ": the resolution target was breached");
        assertThat(text(toOwner.get(1)))
                .contains("Ransomware " + run)
                .contains("escalates to \"Duty " + run + "\"")
                .contains("https://cairn.test/incidents/" + incident.get("id").asString());
        assertThat(MailServers.sentTo(coordinatorAddress))
                .extracting(MimeMessage::getSubject)
                .contains(reference + ": the resolution target was breached")
                .as("a warning goes to the owner only")
                .noneMatch(subject -> subject.startsWith(reference + ":") && subject.contains("is due"));
        assertThat(MailServers.sentTo(dutyAddress))
                .extracting(MimeMessage::getSubject)
                .as("the breach of this incident has not escalated yet")
                .noneMatch(subject -> subject.startsWith(reference + ":"));

        List<JsonNode> inbox = messages(coordinator);
        assertThat(inbox)
                .anySatisfy(message -> assertThat(message.get("subject").asString())
                        .isEqualTo(reference + ": the resolution target was breached"));
        assertThat(coordinator
                        .get("/api/v1/notifications/unread-count")
                        .json()
                        .get("unread")
                        .asLong())
                .isPositive();
        String first = inbox.get(0).get("id").asString();
        assertThat(coordinator
                        .post("/api/v1/notifications/messages/" + first + "/read", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(owner.post("/api/v1/notifications/messages/" + first + "/read", Map.of())
                        .status())
                .as("another user's message is not found")
                .isEqualTo(404);
        assertThat(messages(coordinator).get(0).get("readAt").isNull()).isFalse();
        assertThat(coordinator
                        .post("/api/v1/notifications/messages/" + first + "/read", Map.of())
                        .status())
                .as("reading it again changes nothing")
                .isEqualTo(200);
        assertThat(jdbc.sql("select action from audit_record where object_type = 'inbox-message' and object_id = ?")
                        .param(first)
                        .query(String.class)
                        .list())
                .as("the first read only is in the audit trail")
                .containsExactly("notification.inbox-read");
        assertThat(about(owner, incident)).hasSize(2);
    }

    @Test
    void aBreachNobodyAcknowledgesEscalatesToTheNextLevel() throws Exception {
        JsonNode incident = ownedIncidentEscalatingToTheDutyManager();
        Instant breach = Instant.parse(incident.get("reportedAt").asString())
                .plus(Duration.ofHours(8))
                .plusSeconds(1);
        sla.scan(breach);

        sla.scan(breach.plus(Duration.ofMinutes(29)));
        assertThat(about(dutyManager, incident)).isEmpty();

        sla.scan(breach.plus(Duration.ofMinutes(31)));
        notifications.deliverDue();

        assertThat(MailServers.sentTo(dutyAddress))
                .extracting(MimeMessage::getSubject)
                .filteredOn(
                        subject -> subject.startsWith(incident.get("reference").asString() + ":"))
                .containsExactly(incident.get("reference").asString()
                        + ": the breach of its resolution target escalated to Duty " + run);
        assertThat(about(dutyManager, incident)).hasSize(1);
        JsonNode clock = owner.get("/api/v1/incidents/" + incident.get("id").asString() + "/sla")
                .json()
                .get(1);
        assertThat(clock.get("escalations").asInt()).isEqualTo(1);
        assertThat(clock.get("escalationLevel").isNull()).isTrue();

        // the duty manager was told, so they may acknowledge it
        ApiClient.Answer acknowledged =
                dutyManager.post("/api/v1/incidents/" + incident.get("id").asString() + "/sla/acknowledge", Map.of());
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
    }

    @Test
    void anAcknowledgedBreachDoesNotEscalate() {
        JsonNode incident = ownedIncidentEscalatingToTheDutyManager();
        String id = incident.get("id").asString();
        Instant breach = Instant.parse(incident.get("reportedAt").asString())
                .plus(Duration.ofHours(8))
                .plusSeconds(1);
        sla.scan(breach);

        assertThat(dutyManager
                        .post("/api/v1/incidents/" + id + "/sla/acknowledge", Map.of())
                        .status())
                .as("nobody told the duty manager yet")
                .isEqualTo(403);
        ApiClient.Answer acknowledged = owner.post("/api/v1/incidents/" + id + "/sla/acknowledge", Map.of());
        assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
        sla.scan(breach.plus(Duration.ofHours(2)));

        assertThat(about(dutyManager, incident)).isEmpty();
        JsonNode clock = acknowledged.json().get(1);
        assertThat(clock.get("acknowledgedBy").asString()).isEqualTo("sn-owner-" + run);
        assertThat(owner.post("/api/v1/incidents/" + id + "/sla/acknowledge", Map.of())
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aLevelThatNotifiesATeamTellsEveryMemberInTheInbox() {
        io.cairn.identity.TeamId team = users.teamNamed("Night desk " + run);
        ApiClient first = client(users.userNamed("sn-night1-" + run, Set.of(Role.HANDLER), team));
        ApiClient second = client(users.userNamed("sn-night2-" + run, Set.of(Role.RESOLVER), team));
        ApiClient level = admin;
        String levelId = level.post(
                        "/api/v1/sla/escalation-levels",
                        Map.of(
                                "name",
                                "Night " + run,
                                "notifyKind",
                                "team",
                                "notifyTarget",
                                "Night desk " + run,
                                "waitFor",
                                "PT15M"))
                .json()
                .get("id")
                .asString();
        admin.put(
                "/api/v1/sla/policies/P1",
                Map.of("responseTarget", "1h", "resolutionTarget", "8h", "escalationLevel", levelId));
        ApiClient.Answer created = owner.post(
                "/api/v1/incidents",
                Map.of("title", "Night " + run, "description", "Outage", "impact", "high", "urgency", "high"));
        Instant breach = Instant.parse(created.json().get("reportedAt").asString())
                .plus(Duration.ofHours(1))
                .plusSeconds(1);

        sla.scan(breach);
        sla.scan(breach.plus(Duration.ofMinutes(16)));

        for (ApiClient member : List.of(first, second)) {
            assertThat(messages(member))
                    .extracting(message -> message.get("subject").asString())
                    .contains(created.json().get("reference").asString()
                            + ": the breach of its response target escalated to Night " + run);
        }
    }
}
