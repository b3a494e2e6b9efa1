package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Monitoring systems report alerts for the sources an admin registered them for; a repeated alert is counted on the
 * incident it opened, and no sender of another source reaches it.
 */
class AlertIntakeTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient monitor;
    ApiClient handler;
    ApiClient admin;
    String source;
    String reference;

    @BeforeEach
    void accounts() {
        String s = Long.toString(System.nanoTime(), 36);
        monitor = client(users.userNamed("siem-" + s, Set.of(Role.REPORTER)));
        handler = client(users.userNamed("soc-" + s, Set.of(Role.HANDLER)));
        admin = client(users.userNamed("adm-" + s, Set.of(Role.ADMIN)));
        source = "wazuh-" + s;
        reference = "alert-" + s;
        ApiClient.Answer registered = admin.post(
                "/api/v1/alert-sources",
                Map.of("key", source, "description", "Wazuh", "senders", List.of("siem-" + s)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    }

    private Map<String, Object> alert(String ref) {
        return Map.of(
                "source",
                source,
                "reference",
                ref,
                "severity",
                "high",
                "title",
                "Brute force against VPN",
                "description",
                "500 failed logins in 5 minutes",
                "category",
                Map.of("rsitClass", "intrusion-attempts", "rsitType", "brute-force"),
                "observables",
                List.of(Map.of("type", "ipv4-addr", "value", "203.0.113.7")));
    }

    @Test
    void anAlertOpensAnIncidentWithItsObservables() {
        ApiClient.Answer received = monitor.post("/api/v1/alerts", alert(reference));

        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.json().get("repeated").asBoolean()).isFalse();
        JsonNode incident = handler.get(
                        "/api/v1/incidents/" + received.json().get("incident").asString())
                .json();
        assertThat(incident.get("severity").asString()).isEqualTo("high");
        assertThat(incident.get("priority").asString()).isEqualTo("P2");
        assertThat(incident.get("category").get("rsitType").asString()).isEqualTo("brute-force");
        assertThat(incident.get("description").asString())
                .contains("ipv4-addr: 203.0.113.7")
                .contains("reference: " + reference);
    }

    @Test
    void aRepeatIsCountedOnTheOpenIncident() {
        String first = monitor.post("/api/v1/alerts", alert(reference))
                .json()
                .get("incident")
                .asString();
        ApiClient.Answer again = monitor.post("/api/v1/alerts", alert(reference));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("incident").asString()).isEqualTo(first);
        assertThat(again.json().get("occurrences").asInt()).isEqualTo(2);
        JsonNode timeline =
                handler.get("/api/v1/incidents/" + first + "/timeline").json();
        assertThat(timeline.get(timeline.size() - 1).get("note").asString()).contains("2 times");
    }

    @Test
    void copiesArrivingAtOnceOpenOneIncident() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<ApiClient.Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit(() -> monitor.post("/api/v1/alerts", alert(reference))));
            }
            List<String> incidents = new ArrayList<>();
            for (Future<ApiClient.Answer> answer : answers) {
                assertThat(answer.get().status()).isIn(200, 201);
                incidents.add(answer.get().json().get("incident").asString());
            }
            assertThat(incidents).containsOnly(incidents.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select repeats from intake_alert where reference = ?")
                        .param(reference)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void anAlertAfterItsIncidentClosedOpensANewOne() {
        String first = monitor.post("/api/v1/alerts", alert(reference))
                .json()
                .get("incident")
                .asString();
        long version = handler.post("/api/v1/incidents/" + first + "/transition", Map.of("to", "triage", "version", 0))
                .json()
                .get("version")
                .asLong();
        handler.post(
                "/api/v1/incidents/" + first + "/transition",
                Map.of("to", "dismissed", "reason", "scanner test", "version", version));

        ApiClient.Answer again = monitor.post("/api/v1/alerts", alert(reference));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("incident").asString()).isNotEqualTo(first);
    }

    @Test
    void aMalformedAlertNamesTheFieldAndLeavesNothingBehind() {
        ApiClient.Answer badType = monitor.post(
                "/api/v1/alerts",
                Map.of(
                        "source",
                        source,
                        "reference",
                        reference,
                        "severity",
                        "high",
                        "title",
                        "t",
                        "observables",
                        List.of(Map.of("type", "smell", "value", "x"))));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("errors").get(0).get("field").asString()).isEqualTo("observables[0].type");

        ApiClient.Answer badSource = monitor.post(
                "/api/v1/alerts",
                Map.of("source", "Wazuh Prod!", "reference", reference, "severity", "high", "title", "t"));
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.json().get("errors").get(0).get("field").asString())
                .isEqualTo("source");

        ApiClient.Answer badCategory = monitor.post(
                "/api/v1/alerts",
                Map.of(
                        "source",
                        source,
                        "reference",
                        reference,
                        "severity",
                        "low",
                        "title",
                        "t",
                        "category",
                        Map.of("rsitClass", "nope", "rsitType", "nope")));
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from intake_alert where reference = ?")
                        .param(reference)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anAlertWithAnObservableThatIsNoValueOfItsTypeIsRefusedNamingItsPlaceAndNothingIsStored() {
        ApiClient.Answer refused = monitor.post(
                "/api/v1/alerts",
                Map.of(
                        "source",
                        source,
                        "reference",
                        reference,
                        "severity",
                        "high",
                        "title",
                        "t",
                        "observables",
                        List.of(
                                Map.of("type", "ipv4-addr", "value", "203.0.113.7"),
                                Map.of("type", "ipv4-addr", "value", "999.1.1.1"))));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("observables[1].value");
        assertThat(refused.json().get("errors").get(0).get("message").asString())
                .contains("IPv4");
        assertThat(jdbc.sql("select count(*) from intake_alert where reference = ?")
                        .param(reference)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void tooManyObservablesAreRefused() {
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(Map.of("type", "other", "value", "v" + i));
        }
        ApiClient.Answer refused = monitor.post(
                "/api/v1/alerts",
                Map.of("source", source, "reference", reference, "severity", "low", "title", "t", "observables", many));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("observables");
    }

    @Test
    void anUnregisteredSourceIsRefusedNamingTheSourceAndNothingIsStored() {
        Map<String, Object> unregistered = new HashMap<>(alert(reference));
        unregistered.put("source", "unregistered-" + source);

        ApiClient.Answer refused = monitor.post("/api/v1/alerts", unregistered);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("source");
        assertThat(alertRecords()).isZero();
    }

    @Test
    void nobodyButTheSourcesSendersReachesItsAlerts() {
        String first = monitor.post("/api/v1/alerts", alert(reference))
                .json()
                .get("incident")
                .asString();
        ApiClient intruder = client(users.user("rita", Set.of(Role.REPORTER)));

        ApiClient.Answer hijack = intruder.post("/api/v1/alerts", alert(reference));
        ApiClient.Answer byAdmin = admin.post("/api/v1/alerts", alert(reference));
        ApiClient.Answer next = monitor.post("/api/v1/alerts", alert(reference));

        assertThat(hijack.status()).as(hijack.toString()).isEqualTo(403);
        assertThat(hijack.json().get("errors").get(0).get("field").asString()).isEqualTo("source");
        assertThat(byAdmin.status())
                .as("an admin sends only for the sources they are a sender of")
                .isEqualTo(403);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().get("incident").asString()).isEqualTo(first);
        assertThat(next.json().get("occurrences").asInt()).isEqualTo(2);
        assertThat(intruder.get("/api/v1/incidents/" + first).status()).isEqualTo(404);
    }

    @Test
    void everySenderOfASourceCountsItsRepeats() {
        String s = Long.toString(System.nanoTime(), 36);
        ApiClient standby = client(users.userNamed("siem-standby-" + s, Set.of(Role.REPORTER)));
        JsonNode stored = admin.get("/api/v1/alert-sources/" + source).json();
        List<String> senders = new ArrayList<>(
                stored.get("senders").valueStream().map(JsonNode::asString).toList());
        senders.add("siem-standby-" + s);
        assertThat(admin.put(
                                "/api/v1/alert-sources/" + source,
                                Map.of(
                                        "description",
                                        "Wazuh",
                                        "senders",
                                        senders,
                                        "enabled",
                                        true,
                                        "version",
                                        stored.get("version").asLong()))
                        .status())
                .isEqualTo(200);
        String first = monitor.post("/api/v1/alerts", alert(reference))
                .json()
                .get("incident")
                .asString();

        ApiClient.Answer again = standby.post("/api/v1/alerts", alert(reference));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("incident").asString()).isEqualTo(first);
        assertThat(again.json().get("occurrences").asInt()).isEqualTo(2);
    }

    @Test
    void aDisabledSourceAcceptsNoAlerts() {
        JsonNode stored = admin.get("/api/v1/alert-sources/" + source).json();
        admin.put(
                "/api/v1/alert-sources/" + source,
                Map.of(
                        "senders",
                        stored.get("senders"),
                        "enabled",
                        false,
                        "version",
                        stored.get("version").asLong()));

        ApiClient.Answer refused = monitor.post("/api/v1/alerts", alert(reference));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("source");
        assertThat(alertRecords()).isZero();
    }

    @Test
    void aRepeatIsCheckedLikeAFirstAlert() {
        String first = monitor.post("/api/v1/alerts", alert(reference))
                .json()
                .get("incident")
                .asString();

        for (String rsitClass : List.of("x".repeat(100_000), "intrusion-attempts' or '1'='1", "")) {
            Map<String, Object> repeat = new HashMap<>(alert(reference));
            repeat.put("category", Map.of("rsitClass", rsitClass, "rsitType", "brute-force"));
            ApiClient.Answer refused = monitor.post("/api/v1/alerts", repeat);
            assertThat(refused.status())
                    .as(refused.status() + " for a class of " + rsitClass.length() + " characters")
                    .isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .startsWith("category");
        }
        Map<String, Object> future = new HashMap<>(alert(reference));
        future.put("occurredAt", java.time.Instant.now().plusSeconds(86_400).toString());
        assertThat(monitor.post("/api/v1/alerts", future).status()).isEqualTo(400);

        assertThat(jdbc.sql("select repeats from intake_alert where reference = ?")
                        .param(reference)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        JsonNode timeline =
                handler.get("/api/v1/incidents/" + first + "/timeline").json();
        assertThat(timeline.valueStream().map(entry -> entry.path("note").asString("")))
                .noneMatch(note -> note.contains("arrived again"));
    }

    private long alertRecords() {
        return jdbc.sql("select count(*) from intake_alert where reference = ?")
                .param(reference)
                .query(Long.class)
                .single();
    }

    @Test
    void anAlertsObservablesBecomeTheIncidentsIndicatorsOnceEachAndARepeatAddsItsNewOnes() {
        Map<String, Object> alert = new java.util.LinkedHashMap<>(alert(reference));
        alert.put(
                "observables",
                List.of(
                        Map.of("type", "ipv4-addr", "value", "203.0.113.7"),
                        Map.of(
                                "type",
                                "file-sha256",
                                "value",
                                "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")));
        String incident =
                monitor.post("/api/v1/alerts", alert).json().get("incident").asString();
        alert.put(
                "observables",
                List.of(
                        Map.of("type", "ipv4-addr", "value", "203.0.113.7"),
                        Map.of("type", "domain-name", "value", "VPN.Example.org")));
        monitor.post("/api/v1/alerts", alert);

        JsonNode observables =
                handler.get("/api/v1/incidents/" + incident + "/observables").json();
        String tlp =
                handler.get("/api/v1/incidents/" + incident).json().get("tlp").asString();

        assertThat(observables
                        .valueStream()
                        .map(o ->
                                o.get("type").asString() + " " + o.get("value").asString()))
                .containsExactly(
                        "ipv4-addr 203.0.113.7",
                        "file-sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                        "domain-name vpn.example.org");
        assertThat(observables.valueStream()).allSatisfy(o -> {
            assertThat(o.get("source").asString()).isEqualTo("alert");
            assertThat(o.get("ioc").asBoolean()).isTrue();
            assertThat(o.get("tlp").asString()).isEqualTo(tlp);
        });
    }
}
