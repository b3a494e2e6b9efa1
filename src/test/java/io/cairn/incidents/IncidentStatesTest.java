package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.shared.AuditedStates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The digest of each stored incident's state, as the audit trail's verification reads it, is the after-digest of the
 * incident's latest state-changing audit record, whichever verbs changed it last, and also after notes, links and the
 * conversation with the reporter, whose records are not about its state.
 */
class IncidentStatesTest extends ApiClient.OnServer {

    @Autowired
    AuditedStates states;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theStoredStateOfAnIncidentHasTheDigestOfItsLatestStateRecordAfterEveryVerb() {
        ApiClient handler = client(users.user("handler", Set.of(Role.HANDLER, Role.COORDINATOR)));
        ApiClient reporter = client(users.user("reporter", Set.of(Role.REPORTER)));
        String reported = reporter.post(
                        "/api/v1/incidents",
                        Map.of("title", "Reported", "description", "d", "occurredAt", "2026-01-02T03:04:05.123456789Z"))
                .json()
                .get("id")
                .asString();
        String other = handler.post("/api/v1/incidents", Map.of("title", "Other", "description", "d"))
                .json()
                .get("id")
                .asString();
        String merged = handler.post("/api/v1/incidents", Map.of("title", "Duplicate", "description", "d"))
                .json()
                .get("id")
                .asString();
        String base = "/api/v1/incidents/" + reported;
        long version = 0;
        version = changed(handler.post(base + "/transition", Map.of("to", "triage", "version", version)));
        version = changed(handler.post(
                base + "/describe", Map.of("title", "Described", "description", "more", "version", version)));
        version = changed(
                handler.post(base + "/reprioritise", Map.of("impact", "high", "urgency", "high", "version", version)));
        version = changed(handler.post(
                base + "/recategorise",
                Map.of(
                        "category",
                        Map.of("rsitClass", "fraud", "rsitType", "phishing"),
                        "severity",
                        "high",
                        "version",
                        version)));
        version = changed(handler.post(
                base + "/mark", Map.of("tlp", "red", "pap", "red", "confidential", false, "version", version)));
        version = changed(handler.post(
                base + "/times",
                Map.of(
                        "occurredAt",
                        "2026-01-01T00:00:00.000000999Z",
                        "detectedAt",
                        "2026-01-03T00:00:00Z",
                        "version",
                        version)));
        version = changed(handler.post(base + "/assign", Map.of("version", version)));
        assertAsRecorded(reported, "incident.assigned");

        assertThat(handler.post(base + "/notes", Map.of("text", "a note")).status())
                .isEqualTo(201);
        assertThat(handler.post(base + "/questions", Map.of("text", "a question"))
                        .status())
                .isLessThan(300);
        assertThat(reporter.post("/api/v1/me/reports/" + reported + "/replies", Map.of("text", "an answer"))
                        .status())
                .isLessThan(300);
        assertThat(handler.post(base + "/links", Map.of("target", other, "kind", "related"))
                        .status())
                .isLessThan(300);
        assertAsRecorded(reported, "incident.assigned");

        assertThat(handler.post("/api/v1/incidents/" + merged + "/merge", Map.of("target", reported, "version", 0))
                        .status())
                .isEqualTo(200);
        assertAsRecorded(reported, "incident.merged-in");
        assertAsRecorded(merged, "incident.merged");
        assertAsRecorded(other, "incident.reported");
        version = changed(handler.post(base + "/transition", Map.of("to", "analysis", "version", version + 1)));
        assertAsRecorded(reported, "incident.transitioned");
    }

    private static long changed(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get("version").asLong();
    }

    /** The incident's state digest is the after-digest of its latest state record, which has this action. */
    private void assertAsRecorded(String id, String latestStateAction) {
        Map<String, Object> latest = jdbc.sql("""
                select action, after_digest from audit_record
                where object_type = 'incident' and object_id = ? and action in (:actions)
                order by seq desc limit 1""".replace(
                        "(:actions)",
                        "("
                                + String.join(
                                        ", ",
                                        states.stateActions().stream()
                                                .map(a -> "'" + a + "'")
                                                .toList()) + ")"))
                .param(id)
                .query()
                .singleRow();
        assertThat(latest.get("action")).isEqualTo(latestStateAction);
        assertThat(stateOf(id).digest()).isEqualTo(latest.get("after_digest"));
    }

    private AuditedStates.State stateOf(String id) {
        Map<String, AuditedStates.State> byId = new HashMap<>();
        String before = previous(id);
        List<AuditedStates.State> found = states.statesAfter(before, 1);
        found.forEach(state -> byId.put(state.id(), state));
        assertThat(byId).containsKey(id);
        return byId.get(id);
    }

    /** The id just before this one in the states' order (any smaller text), so that statesAfter answers it first. */
    private static String previous(String id) {
        java.util.UUID uuid = java.util.UUID.fromString(id);
        long low = uuid.getLeastSignificantBits();
        return low == 0
                ? new java.util.UUID(uuid.getMostSignificantBits() - 1, -1L).toString()
                : new java.util.UUID(uuid.getMostSignificantBits(), low - 1).toString();
    }
}
