package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import java.util.ArrayList;
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

/** Monitoring systems report alerts; a repeated alert is counted on the incident it opened. */
class AlertIntakeTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    ApiClient monitor;
    ApiClient handler;
    String reference;

    @BeforeEach
    void accounts() {
        String s = Long.toString(System.nanoTime(), 36);
        monitor = client(users.userNamed("siem-" + s, Set.of(Role.REPORTER)));
        handler = client(users.userNamed("soc-" + s, Set.of(Role.HANDLER)));
        reference = "alert-" + s;
    }

    private Map<String, Object> alert(String ref) {
        return Map.of("source", "wazuh", "reference", ref, "severity", "high",
                "title", "Brute force against VPN", "description", "500 failed logins in 5 minutes",
                "category", Map.of("rsitClass", "intrusion-attempts", "rsitType", "brute-force"),
                "observables", List.of(Map.of("type", "ipv4-addr", "value", "203.0.113.7")));
    }

    @Test
    void anAlertOpensAnIncidentWithItsObservables() {
        ApiClient.Answer received = monitor.post("/api/v1/alerts", alert(reference));

        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(received.json().get("repeated").asBoolean()).isFalse();
        JsonNode incident = handler.get("/api/v1/incidents/" + received.json().get("incident").asString()).json();
        assertThat(incident.get("severity").asString()).isEqualTo("high");
        assertThat(incident.get("priority").asString()).isEqualTo("P2");
        assertThat(incident.get("category").get("rsitType").asString()).isEqualTo("brute-force");
        assertThat(incident.get("description").asString()).contains("ipv4-addr: 203.0.113.7")
                .contains("reference: " + reference);
    }

    @Test
    void aRepeatIsCountedOnTheOpenIncident() {
        String first = monitor.post("/api/v1/alerts", alert(reference)).json().get("incident").asString();
        ApiClient.Answer again = monitor.post("/api/v1/alerts", alert(reference));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("incident").asString()).isEqualTo(first);
        assertThat(again.json().get("occurrences").asInt()).isEqualTo(2);
        JsonNode timeline = handler.get("/api/v1/incidents/" + first + "/timeline").json();
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
        assertThat(jdbc.sql("select repeats from intake_alert where reference = ?").param(reference)
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void anAlertAfterItsIncidentClosedOpensANewOne() {
        String first = monitor.post("/api/v1/alerts", alert(reference)).json().get("incident").asString();
        long version = handler.post("/api/v1/incidents/" + first + "/transition", Map.of("to", "triage",
                "version", 0)).json().get("version").asLong();
        handler.post("/api/v1/incidents/" + first + "/transition", Map.of("to", "dismissed", "reason",
                "scanner test", "version", version));

        ApiClient.Answer again = monitor.post("/api/v1/alerts", alert(reference));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("incident").asString()).isNotEqualTo(first);
    }

    @Test
    void aMalformedAlertNamesTheFieldAndLeavesNothingBehind() {
        ApiClient.Answer badType = monitor.post("/api/v1/alerts", Map.of("source", "wazuh", "reference",
                reference, "severity", "high", "title", "t",
                "observables", List.of(Map.of("type", "smell", "value", "x"))));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("errors").get(0).get("field").asString()).isEqualTo("observables[0].type");

        ApiClient.Answer badSource = monitor.post("/api/v1/alerts", Map.of("source", "Wazuh Prod!",
                "reference", reference, "severity", "high", "title", "t"));
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.json().get("errors").get(0).get("field").asString()).isEqualTo("source");

        ApiClient.Answer badCategory = monitor.post("/api/v1/alerts", Map.of("source", "wazuh",
                "reference", reference, "severity", "low", "title", "t",
                "category", Map.of("rsitClass", "nope", "rsitType", "nope")));
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from intake_alert where reference = ?").param(reference)
                .query(Long.class).single()).isZero();
    }

    @Test
    void tooManyObservablesAreRefused() {
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(Map.of("type", "other", "value", "v" + i));
        }
        ApiClient.Answer refused = monitor.post("/api/v1/alerts", Map.of("source", "wazuh", "reference",
                reference, "severity", "low", "title", "t", "observables", many));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("observables");
    }
}
