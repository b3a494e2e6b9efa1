package io.cairn.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the reporting metrics read beyond the incidents {@link Seed} writes, derived from those incidents in SQL so that
 * it agrees with their times: the two SLA clocks of every incident (response and resolution, with the default
 * policies' targets; targets on the office-hours calendar are approximated by its share of the week, 40 of 168
 * hours), completed reviews with a root cause for most serious confirmed incidents and some others (a tenth of
 * them "unknown", a tenth still drafts), a corrective action for half the completed reviews, and GDPR notification
 * obligations (one stage, most submitted on time, some late with a reason) for the serious data-loss and
 * data-leak incidents, whose business units belong to one legal entity, DORA classifications with costs and losses
 * for the serious intrusions, malicious code and availability incidents (half of them by cost category), and VERIS
 * descriptions for two in five incidents. Runs after {@link Seed#seed}, and again
 * without harm (what exists is kept); ends with {@code VACUUM ANALYZE} of what it wrote.
 */
final class SeedReporting {

    /** Wall-clock seconds per working second of a calendar of 40 working hours a week. */
    private static final double OFFICE = 168.0 / 40.0;

    private SeedReporting() {}

    static void fill(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(clocks("response", "i.acknowledged_at", "response_seconds"));
            statement.executeUpdate(clocks("resolution", "i.closed_at", "resolution_seconds"));
            statement.executeUpdate(REVIEWS);
            statement.executeUpdate(ACTIONS);
            statement.executeUpdate(LEGAL_ENTITY);
            statement.executeUpdate(UNITS);
            statement.executeUpdate(OBLIGATIONS);
            statement.executeUpdate(STAGES);
            statement.executeUpdate(SUBMISSIONS);
            statement.executeUpdate(DECISIONS);
            statement.executeUpdate(COST_LINES);
            statement.executeUpdate(VERIS);
            statement.executeUpdate(VERIS_CATEGORIES);
            for (String table : List.of("sla_clock", "incident_review", "corrective_action", "compliance_obligation",
                    "compliance_obligation_stage", "compliance_submission", "compliance_decision", "incident_veris",
                    "incident_veris_category")) {
                statement.execute("vacuum analyze " + table);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The clocks of one kind: met when the incident reached the moment in the column, else still running. */
    private static String clocks(String kind, String metAt, String target) {
        String seconds = "(p." + target + " * case when p.calendar_id is null then 1 else " + OFFICE + " end)";
        String due = "(i.reported_at + " + seconds + " * interval '1 second')";
        String warn = "(i.reported_at + " + seconds + " * p.warning_percent / 100.0 * interval '1 second')";
        String reached = "coalesce(" + metAt + ", now())";
        return "insert into sla_clock (incident_id, kind, priority_level, target_ms, warn_ms, calendar_id, state, "
                + "consumed_us, running_since, started_at, due_at, warn_at, warned_at, breached_at, met_at, "
                + "next_check_at) select i.id, '" + kind + "', i.priority, p." + target + " * 1000, p." + target
                + " * p.warning_percent * 10, p.calendar_id, case when " + metAt + " is null then 'running' else "
                + "'met' end, 0, case when " + metAt + " is null then i.reported_at end, i.reported_at, " + due
                + ", " + warn + ", case when " + reached + " >= " + warn + " then " + warn + " end, case when "
                + reached + " >= " + due + " then " + due + " end, " + metAt + ", case when " + metAt
                + " is null and now() < " + due + " then " + warn + " end from incident i join sla_policy p on "
                + "p.priority_level = i.priority on conflict do nothing";
    }

    /** The root cause most incidents of an RSIT class have. */
    private static final String CAUSE = "case i.category_class when 'fraud' then 'phishing' when 'abusive-content' "
            + "then 'phishing' when 'malicious-code' then 'malware' when 'vulnerable' then 'unpatched-vulnerability' "
            + "when 'intrusion-attempts' then 'unpatched-vulnerability' when 'availability' then 'misconfiguration' "
            + "when 'intrusions' then 'weak-credentials' when 'information-content-security' then 'human-error' "
            + "else 'third-party' end";

    /** Which of the alternative causes an incident has (hash of its id, 0 to 99). */
    private static final String DRAW = "(abs(hashtext(i.id::text)) % 100)";

    private static final String REVIEWS = "insert into incident_review (incident_id, incident_reference, "
            + "incident_title, incident_reported_at, summary, root_cause, status, completed_at, completed_by, "
            + "created_at, updated_at, version) select i.id, 'INC-' || i.number, i.title, i.reported_at, "
            + "'Seeded review', case when " + DRAW + " >= 90 then null when " + DRAW + " < 10 then 'unknown' "
            + "when " + DRAW + " < 25 then (array['human-error', 'third-party', 'insider', 'lost-device', "
            + "'misconfiguration'])[1 + " + DRAW + " % 5] else " + CAUSE + " end, case when " + DRAW + " >= 90 "
            + "then 'draft' else 'completed' end, case when " + DRAW + " < 90 then i.closed_at + interval '2 days' "
            + "end, case when " + DRAW + " < 90 then 'seed' end, i.closed_at, i.closed_at, 0 from incident i where "
            + "i.status = 'CLOSED' and i.determination = 'CONFIRMED' and (i.priority <= 2 and " + DRAW + " % 7 < 5 "
            + "or " + DRAW + " % 50 = 0) on conflict do nothing";

    private static final String ACTIONS = "insert into corrective_action (id, incident_id, title, owner_id, due_on, "
            + "status, done_at, created_at, version) select gen_random_uuid(), r.incident_id, 'Seeded action', "
            + "(select id from app_user where username = 'seed.staff.000'), (r.completed_at + interval '30 days')"
            + "::date, case when r.completed_at < now() - interval '20 days' then 'done' else 'open' end, "
            + "case when r.completed_at < now() - interval '20 days' then r.completed_at + interval '12 days' end, "
            + "r.completed_at, 0 from incident_review r where r.status = 'completed' and "
            + "abs(hashtext(r.incident_id::text)) % 2 = 0 and not exists (select 1 from corrective_action a where "
            + "a.incident_id = r.incident_id)";

    private static final String LEGAL_ENTITY = "insert into legal_entity (id, name, jurisdictions, nis2, "
            + "dora_financial_entity, gdpr_role, supervisory_authority_name, supervisory_authority_contact, version, "
            + "updated_at) values ('00000000-0000-4000-8000-00000000be01', 'Seeded Bank N.V.', '{NL}', 'essential', "
            + "true, 'controller', 'Autoriteit Persoonsgegevens', 'meldloket@example.org', 0, now()) "
            + "on conflict do nothing";

    private static final String UNITS = "update business_unit set legal_entity = "
            + "'00000000-0000-4000-8000-00000000be01' where legal_entity is null and description = "
            + "'Seeded for benchmarks'";

    private static final String OBLIGATIONS = "insert into compliance_obligation (id, incident_id, legal_entity, "
            + "regime, regime_version, rules, authority, created_at, version) select gen_random_uuid(), i.id, "
            + "'00000000-0000-4000-8000-00000000be01', 'gdpr', '2016/679', '{}'::jsonb, "
            + "'Autoriteit Persoonsgegevens', i.reported_at, 0 from incident i where i.category_type in "
            + "('data-loss', 'data-leak', 'unauthorised-information-access') and i.priority <= 2 and "
            + "i.determination <> 'FALSE_POSITIVE' on conflict do nothing";

    /**
     * A DORA classification with its costs and losses (the economic impact metric) for every serious incident of the
     * categories that hurt most, one in four of them an estimate.
     */
    static final String DECISIONS = "insert into compliance_decision (incident_id, kind, version, inputs, criteria, "
            + "result, rationale, established_at, decided_by, decided_by_name, decided_at) select i.id, 'dora-major', 1, "
            + "jsonb_build_object('economic-impact-eur', jsonb_build_object('value', 500 + abs(hashtext(i.id::text)) "
            + "% 400000, 'estimate', abs(hashtext(i.id::text)) % 4 = 0, 'basis', 'invoices so far')), '[]'::jsonb, "
            + "'not-major', 'Seeded', i.reported_at, '00000000-0000-4000-8000-000000000001', 'Seed', "
            + "i.reported_at + interval '2 days' from incident i where i.priority <= 2 and i.category_class in "
            + "('intrusions', 'malicious-code', 'availability') on conflict do nothing";

    /**
     * Half the seeded DORA classifications give their costs and losses by category: two fifths staff, the rest
     * replacement, adding up to the total they had.
     */
    static final String COST_LINES = "update compliance_decision set inputs = inputs || jsonb_build_object("
            + "'cost-staff-eur', jsonb_build_object('value', floor((inputs #>> '{economic-impact-eur,value}')::numeric "
            + "* 0.4), 'estimate', false, 'basis', 'timesheets'), 'cost-replacement-eur', jsonb_build_object('value', "
            + "(inputs #>> '{economic-impact-eur,value}')::numeric - floor((inputs #>> '{economic-impact-eur,value}')"
            + "::numeric * 0.4), 'estimate', (inputs #>> '{economic-impact-eur,estimate}')::boolean, 'basis', "
            + "'invoices')) where kind = 'dora-major' and decided_by_name = 'Seed' and abs(hashtext(incident_id::text)) "
            + "% 2 = 0 and not jsonb_exists(inputs, 'cost-staff-eur')";

    /**
     * VERIS descriptions for two in five incidents: an actor (mostly external, some internal, some unknown), the
     * action their RSIT class suggests and an asset (a web application, a laptop or an end user).
     */
    static final String VERIS = "insert into incident_veris (incident_id, description, recorded_at) select i.id, "
            + "jsonb_build_object('actors', jsonb_build_array(jsonb_build_object('category', case when " + DRAW
            + " < 4 then 'unknown' when i.category_class = 'information-content-security' then 'internal' else "
            + "'external' end)), 'actions', jsonb_build_array(jsonb_build_object('category', case i.category_class "
            + "when 'fraud' then 'social' when 'abusive-content' then 'social' when 'malicious-code' then 'malware' "
            + "when 'information-gathering' then 'hacking' when 'intrusion-attempts' then 'hacking' when 'intrusions' "
            + "then 'hacking' when 'availability' then case when " + DRAW + " % 2 = 0 then 'hacking' else 'error' end "
            + "when 'information-content-security' then 'misuse' else 'unknown' end)), 'assets', jsonb_build_object("
            + "'varieties', jsonb_build_array(case i.category_class when 'fraud' then 'P - End-user' when "
            + "'malicious-code' then 'U - Laptop' else 'S - Web application' end))), i.reported_at + interval '1 day' "
            + "from incident i where " + DRAW + " < 40 on conflict do nothing";

    /** The categories the metrics count, from the descriptions. */
    static final String VERIS_CATEGORIES = "insert into incident_veris_category (incident_id, part, category) select "
            + "v.incident_id, p.part, p.category from incident_veris v cross join lateral (values ('actor', "
            + "v.description #>> '{actors,0,category}'), ('action', v.description #>> '{actions,0,category}'), "
            + "('asset', case left(v.description #>> '{assets,varieties,0}', 1) when 'S' then 'server' when 'U' then "
            + "'user-device' else 'person' end)) p(part, category) on conflict do nothing";

    private static final String STAGES = "insert into compliance_obligation_stage (obligation_id, stage, required, "
            + "ever_required, start_floor, due_at, internal_target, opened_at, closed_at) select o.id, 'notification', "
            + "true, true, i.reported_at, i.reported_at + interval '72 hours', false, i.reported_at, null from "
            + "compliance_obligation o join incident i on i.id = o.incident_id on conflict do nothing";

    /** Nine in ten submitted, one in eight of those late, the open ones recent. */
    private static final String SUBMISSIONS = "insert into compliance_submission (id, obligation_id, stage, sequence, "
            + "content, sha256, channel, recipient, due_at, late, delay_reason, submitted_by, submitted_by_name, "
            + "submitted_at) select gen_random_uuid(), s.obligation_id, s.stage, 1, 'seeded'::bytea, "
            + "encode(sha256('seeded'::bytea), 'hex'), 'portal', 'Autoriteit Persoonsgegevens', s.due_at, d % 8 = 0, "
            + "case when d % 8 = 0 then 'Scope of the breach was unclear' end, (select id from app_user where "
            + "username = 'seed.staff.000'), 'Seed', s.opened_at + case when d % 8 = 0 then interval '90 hours' "
            + "else interval '30 hours' end from (select s.*, abs(hashtext(s.obligation_id::text)) % 80 as d from "
            + "compliance_obligation_stage s) s where s.d % 10 <> 9 and s.opened_at + interval '90 hours' < now() "
            + "on conflict do nothing";

    /**
     * The share of the incidents (in percent) that have a value in each column the metrics read, and the counts of
     * the rows derived from them: what the benchmark's data gives the metrics to compute.
     */
    static Map<String, String> coverage(Connection connection) throws SQLException {
        List<String> columns = List.of("team_id", "business_unit_id", "category_class", "priority", "severity",
                "detection_source", "detected_by", "occurred_at", "detected_at", "acknowledged_at", "responded_at",
                "contained_at", "eradicated_at", "recovered_at", "closed_at");
        StringBuilder sql = new StringBuilder("select count(*)");
        columns.forEach(column -> sql.append(", round(100.0 * count(").append(column).append(") / count(*), 1)"));
        sql.append(" from incident");
        Map<String, String> coverage = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(sql.toString())) {
                row.next();
                coverage.put("incidents", String.format("%,d", row.getLong(1)));
                for (int c = 0; c < columns.size(); c++) {
                    coverage.put(columns.get(c), row.getString(c + 2) + " %");
                }
            }
            List<String> counts = new ArrayList<>(List.of("sla_clock", "incident_review where status = 'completed'",
                    "corrective_action", "compliance_obligation", "compliance_submission", "compliance_decision",
                    "incident_veris"));
            for (String count : counts) {
                try (ResultSet row = statement.executeQuery("select count(*) from " + count)) {
                    row.next();
                    coverage.put(count.replace(" where status = 'completed'", " (completed)"),
                            String.format("%,d", row.getLong(1)));
                }
            }
        }
        return coverage;
    }
}
