package io.cairn.reporting;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seven incidents of one business unit between December 2024 and March 2025 with the times, SLA clocks and review the
 * hand-computed figures of {@link MetricsApiTest} need, written straight into the tables and removed again; two of
 * them (C and E) in the team.
 */
final class MetricsDataSet {

    private final JdbcClient jdbc;
    private final BusinessUnitId unit;
    private final TeamId team;
    private final List<UUID> written = new ArrayList<>();
    private final Map<String, UUID> incidents = new HashMap<>();

    MetricsDataSet(JdbcClient jdbc, BusinessUnitId unit, TeamId team) {
        this.jdbc = jdbc;
        this.unit = unit;
        this.team = team;
    }

    void write() {
        // A: P1 high automated; occurred 08:00, detected 09:00, reported 10:00, acknowledged 10:30, in analysis 11:00,
        // contained 13:00, eradicated 20:00, recovered the next day 09:00, closed 2025-01-12 10:00.
        incident(
                "A",
                "2025-01-10T10:00:00Z",
                1,
                "HIGH",
                "AUTOMATED",
                "CLOSED",
                times(
                        "2025-01-10T08:00:00Z",
                        "2025-01-10T09:00:00Z",
                        "2025-01-10T10:30:00Z",
                        "2025-01-10T11:00:00Z",
                        "2025-01-10T13:00:00Z",
                        "2025-01-10T20:00:00Z",
                        "2025-01-11T09:00:00Z",
                        "2025-01-12T10:00:00Z"),
                null);
        // B: P3 medium, a person; detected at the report, acknowledged after an hour, in analysis after three, closed
        // sixteen days later.
        incident(
                "B",
                "2025-01-20T12:00:00Z",
                3,
                "MEDIUM",
                "INTERNAL_HUMAN",
                "CLOSED",
                times(
                        null,
                        "2025-01-20T12:00:00Z",
                        "2025-01-20T13:00:00Z",
                        "2025-01-20T15:00:00Z",
                        null,
                        null,
                        null,
                        "2025-02-05T12:00:00Z"),
                null);
        // C: P2 low, external; occurred two days before it was detected and reported; acknowledged after 10 minutes;
        // in analysis after half an hour, and still.
        incident(
                "C",
                "2025-02-03T09:00:00Z",
                2,
                "LOW",
                "EXTERNAL",
                "ANALYSIS",
                times(
                        "2025-02-01T09:00:00Z",
                        "2025-02-03T09:00:00Z",
                        "2025-02-03T09:10:00Z",
                        "2025-02-03T09:30:00Z",
                        null,
                        null,
                        null,
                        null),
                team);
        // D: P4 low, detection unknown, dismissed after an hour.
        incident(
                "D",
                "2025-02-14T00:00:00Z",
                4,
                "LOW",
                null,
                "DISMISSED",
                times(null, null, "2025-02-14T01:00:00Z", null, null, null, null, "2025-02-14T01:00:00Z"),
                null);
        // E: P3 critical, automated; occurred an hour before it was detected and reported; new.
        incident(
                "E",
                "2025-03-01T00:00:00Z",
                3,
                "CRITICAL",
                "AUTOMATED",
                "NEW",
                times("2025-02-28T23:00:00Z", "2025-03-01T00:00:00Z", null, null, null, null, null, null),
                team);
        // F: reported before the period, closed in it after sixteen days.
        incident(
                "F",
                "2024-12-20T10:00:00Z",
                3,
                "MEDIUM",
                "INTERNAL_HUMAN",
                "CLOSED",
                times(null, null, "2024-12-20T11:00:00Z", null, null, null, null, "2025-01-05T10:00:00Z"),
                null);
        // G: a duplicate merged into A; never counted.
        incident(
                "G",
                "2025-01-10T10:05:00Z",
                1,
                "HIGH",
                "AUTOMATED",
                "CLOSED",
                times(null, null, "2025-01-10T10:06:00Z", null, null, null, null, "2025-01-10T10:06:00Z"),
                null);
        jdbc.sql("update incident set merged_into = ? where id = ?")
                .params(incidents.get("A"), incidents.get("G"))
                .update();
        review("A");
        // A's response met, its resolution breached then met; B's response met after its warning (a near-breach),
        // its resolution still running; C's response breached and running.
        clock("A", "response", 1, "met", null, null);
        clock("A", "resolution", 1, "met", null, "2025-01-10T18:00:00Z");
        clock("B", "response", 3, "met", "2025-01-20T12:45:00Z", null);
        clock("B", "resolution", 3, "running", null, null);
        clock("C", "response", 2, "running", null, "2025-02-03T11:00:00Z");
        // Costs and losses: A's DORA classification said EUR 1,000 (all staff), then an estimated EUR 250,000 by
        // category: staff 40,000, redress 150,000 (estimated), advisory 60,000 and communication 0; B's NIS2
        // assessment a direct loss of EUR 12,000.50; C's DORA classification none, its NIS2 assessment EUR 5,000; F
        // (before the period) EUR 999, all replacement.
        decision(
                "A",
                "dora-major",
                1,
                "{\"economic-impact-eur\": " + amount("1000") + ", \"cost-staff-eur\": " + amount("1000") + "}");
        decision(
                "A",
                "dora-major",
                2,
                "{\"economic-impact-eur\": {\"value\": 250000, \"estimate\": true, \"basis\": \"invoices\"}, "
                        + "\"cost-staff-eur\": " + amount("40000") + ", \"cost-redress-eur\": {\"value\": 150000, "
                        + "\"estimate\": true, \"basis\": \"claims\"}, \"cost-advisory-eur\": " + amount("60000")
                        + ", \"cost-communication-eur\": " + amount("0") + "}");
        decision(
                "B",
                "nis2-significant",
                1,
                "direct-loss-eur",
                "{\"value\": 12000.50, \"estimate\": false, \"basis\": \"\"}");
        decision("C", "dora-major", 1, "media-coverage", "true");
        decision(
                "C",
                "nis2-significant",
                1,
                "direct-loss-eur",
                "{\"value\": 5000, \"estimate\": false, \"basis\": \"\"}");
        decision(
                "F",
                "dora-major",
                1,
                "{\"economic-impact-eur\": " + amount("999") + ", \"cost-replacement-eur\": " + amount("999") + "}");
        // VERIS: A an external actor hacking and phishing, B an error, C hacking, E unknown; D and F not described.
        veris("A", "actor:external", "action:hacking", "action:social");
        veris("B", "action:error");
        veris("C", "action:hacking");
        veris("E", "action:unknown");
    }

    /** The categories of an incident's VERIS description, as {@code part:category}. */
    private void veris(String name, String... categories) {
        jdbc.sql("insert into incident_veris (incident_id, description, recorded_at) values (?, '{}', now())")
                .param(incidents.get(name))
                .update();
        for (String categorised : categories) {
            String[] parts = categorised.split(":");
            jdbc.sql("insert into incident_veris_category (incident_id, part, category) values (?, ?, ?)")
                    .params(incidents.get(name), parts[0], parts[1])
                    .update();
        }
    }

    void remove() {
        jdbc.sql("alter table compliance_submission disable trigger compliance_submission_frozen")
                .update();
        try {
            for (UUID id : written) {
                jdbc.sql("delete from compliance_submission where obligation_id in (select id from "
                                + "compliance_obligation where incident_id = ?)")
                        .param(id)
                        .update();
            }
        } finally {
            jdbc.sql("alter table compliance_submission enable trigger compliance_submission_frozen")
                    .update();
        }
        for (UUID id : written) {
            for (String table : List.of("compliance_obligation_stage", "compliance_obligation")) {
                jdbc.sql(
                                table.equals("compliance_obligation")
                                        ? "delete from compliance_obligation where incident_id = ?"
                                        : "delete from compliance_obligation_stage where obligation_id in (select id from "
                                                + "compliance_obligation where incident_id = ?)")
                        .param(id)
                        .update();
            }
            for (String table : List.of(
                    "corrective_action",
                    "sla_clock",
                    "incident_review",
                    "compliance_decision",
                    "incident_veris_category",
                    "incident_veris")) {
                jdbc.sql("delete from " + table + " where incident_id = ?")
                        .param(id)
                        .update();
            }
        }
        jdbc.sql("update incident set merged_into = null where id = ?")
                .param(incidents.get("G"))
                .update();
        for (UUID id : written) {
            jdbc.sql("delete from incident where id = ?").param(id).update();
        }
    }

    UUID id(String name) {
        return incidents.get(name);
    }

    /** Occurred, detected, acknowledged, responded (into analysis), contained, eradicated, recovered, closed. */
    private static @Nullable String[] times(@Nullable String... times) {
        return times;
    }

    private void incident(
            String name,
            String reported,
            int priority,
            String severity,
            @Nullable String detection,
            String status,
            @Nullable String[] times,
            @Nullable TeamId owningTeam) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into incident (id, number, title, description, category_class, category_type, determination,
                  severity, impact, urgency, priority, tlp, pap, confidential, status, business_unit_id, team_id,
                  detection_source, occurred_at, detected_at, reported_at, acknowledged_at, responded_at, contained_at,
                  eradicated_at, recovered_at, closed_at, updated_at, version)
                values (?, nextval('incident_number_seq'), ?, 'metrics data set', 'other', 'undetermined',
                  'CONFIRMED', ?, 2, 2, ?, 'AMBER', 'AMBER', false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), 0)""")
                .params(
                        id,
                        "Metrics " + name,
                        severity,
                        priority,
                        status,
                        unit.value(),
                        owningTeam == null ? null : owningTeam.value(),
                        detection,
                        at(times[0]),
                        at(times[1]),
                        at(reported),
                        at(times[2]),
                        at(times[3]),
                        at(times[4]),
                        at(times[5]),
                        at(times[6]),
                        at(times[7]))
                .update();
        written.add(id);
        incidents.put(name, id);
    }

    /** A version of a decision on the incident with one input, as the compliance module records it. */
    /** An exact amount of a decision's inputs, as JSON. */
    static String amount(String value) {
        return "{\"value\": " + value + ", \"estimate\": false, \"basis\": \"\"}";
    }

    /** A decision of the incident with these inputs, a JSON object. */
    void decision(String name, String kind, int version, String inputs) {
        jdbc.sql("""
                insert into compliance_decision (incident_id, kind, version, inputs, criteria, result, rationale,
                  established_at, decided_by, decided_by_name, decided_at)
                values (?, ?, ?, ?::jsonb, '[]', 'not-major', 'data set', now(), gen_random_uuid(), 'test', now())""").params(incidents.get(name), kind, version, inputs).update();
    }

    private void decision(String name, String kind, int version, String input, String value) {
        jdbc.sql("""
                insert into compliance_decision (incident_id, kind, version, inputs, criteria, result, rationale,
                  established_at, decided_by, decided_by_name, decided_at)
                values (?, ?, ?, jsonb_build_object(?::text, ?::jsonb), '[]', 'not-major', 'data set', now(),
                  gen_random_uuid(), 'test', now())""").params(incidents.get(name), kind, version, input, value).update();
    }

    void review(String name) {
        review(
                name,
                jdbc.sql("select key from root_cause order by position limit 1")
                        .query(String.class)
                        .single());
    }

    void review(String name, String rootCause) {
        jdbc.sql("""
                insert into incident_review (incident_id, incident_reference, incident_title, incident_reported_at,
                  root_cause, status, completed_at, completed_by, created_at, updated_at, version)
                select id, 'INC-' || number, title, reported_at, ?, 'completed', now(), 'test', now(), now(), 0
                from incident where id = ?""").params(rootCause, incidents.get(name)).update();
    }

    String reference(String name) {
        return jdbc.sql("select 'INC-' || number from incident where id = ?")
                .param(incidents.get(name))
                .query(String.class)
                .single();
    }

    UUID obligation(String name, String regime) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into compliance_obligation (id, incident_id, legal_entity, regime, regime_version, rules,
                  created_at, version)
                values (?, ?, gen_random_uuid(), ?, '1', '{}'::jsonb, now(), 0)""").params(id, incidents.get(name), regime).update();
        return id;
    }

    void stage(UUID obligation, String stage, String due, String opened) {
        jdbc.sql("""
                insert into compliance_obligation_stage (obligation_id, stage, required, ever_required, due_at,
                  internal_target, opened_at)
                values (?, ?, true, true, ?, false, ?)""").params(obligation, stage, at(due), at(opened)).update();
    }

    void submission(UUID obligation, String stage, String due, String submitted, @Nullable String reason) {
        jdbc.sql("""
                insert into compliance_submission (id, obligation_id, stage, sequence, content, sha256, channel,
                  recipient, due_at, late, delay_reason, submitted_by, submitted_by_name, submitted_at)
                values (gen_random_uuid(), ?, ?, 1, decode('00', 'hex'), repeat('0', 64), 'portal', 'authority', ?,
                  ?, ?, gen_random_uuid(), 'test', ?)""")
                .params(obligation, stage, at(due), reason != null, reason, at(submitted))
                .update();
    }

    private void clock(
            String name, String kind, int priority, String state, @Nullable String warned, @Nullable String breached) {
        jdbc.sql("""
                insert into sla_clock (incident_id, kind, priority_level, target_ms, warn_ms, state, consumed_us,
                  started_at, due_at, warned_at, breached_at, met_at)
                select id, ?, ?, 3600000, 2700000, ?, 0, reported_at, reported_at + interval '1 hour', ?, ?,
                  case when ? = 'met' then reported_at + interval '2 hours' end
                from incident where id = ?""")
                .params(kind, priority, state, at(warned), at(breached), state, incidents.get(name))
                .update();
    }

    private static @Nullable Timestamp at(@Nullable String instant) {
        return instant == null ? null : Timestamp.from(Instant.parse(instant));
    }
}
