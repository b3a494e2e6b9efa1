package io.cairn.knowledge;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.StatementValues;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored recurrence flags, one row per reason, and the queue of incidents still to check. */
@Repository
class Recurrences {

    /** One reason an incident recurs, as stored. */
    record Flag(
            IncidentId incident,
            String reference,
            String title,
            Instant reportedAt,
            IncidentId earlier,
            String earlierReference,
            String earlierTitle,
            Instant earlierReportedAt,
            String reason,
            double score) {}

    private final JdbcClient jdbc;
    private final JdbcOperations statements;

    Recurrences(JdbcClient jdbc, JdbcOperations statements) {
        this.jdbc = jdbc;
        this.statements = statements;
    }

    void queue(IncidentId incident, Instant at) {
        statements.update(
                "insert into recurrence_check (incident_id, queued_at) values (?, ?) on conflict do nothing",
                StatementValues.of(incident.value(), at));
    }

    /** Takes up to {@code size} queued incidents, locking them so that another node takes others. */
    List<IncidentId> takeQueued(int size) {
        List<IncidentId> taken = jdbc.sql("""
                select incident_id from recurrence_check order by queued_at
                limit :size for update skip locked""")
                .param("size", size)
                .query((rs, row) -> new IncidentId(rs.getObject(1, UUID.class)))
                .list();
        if (!taken.isEmpty()) {
            jdbc.sql("delete from recurrence_check where incident_id = any(:ids)")
                    .param("ids", taken.stream().map(IncidentId::value).toArray(UUID[]::new))
                    .update();
        }
        return taken;
    }

    /**
     * What a replacement did to an incident's flags: the keys ({@code earlier:reason}, sorted) of all its flags before
     * and after.
     */
    record Replacement(List<String> before, List<String> after) {

        boolean changed() {
            return !before.equals(after);
        }
    }

    /** Replaces the flags of this incident that have one of these reasons, reading its flags once. */
    Replacement replace(IncidentId incident, List<String> reasons, List<Flag> flags, Instant now) {
        List<Flag> before = of(incident);
        jdbc.sql("delete from recurrence where incident_id = :id and reason = any(:reasons)")
                .param("id", incident.value())
                .param("reasons", reasons.toArray(String[]::new))
                .update();
        flags.forEach(flag -> insert(flag, now));
        List<Flag> after = new ArrayList<>(
                before.stream().filter(f -> !reasons.contains(f.reason())).toList());
        after.addAll(flags);
        return new Replacement(keys(before), keys(after));
    }

    /** Removes the flags with this reason that name this incident as the earlier one. */
    void removeAsEarlier(IncidentId earlier, String reason) {
        jdbc.sql("delete from recurrence where earlier_id = :id and reason = :reason")
                .param("id", earlier.value())
                .param("reason", reason)
                .update();
    }

    void insert(Flag flag, Instant now) {
        jdbc.sql("""
                insert into recurrence (incident_id, incident_reference, incident_title, incident_reported_at,
                    earlier_id, earlier_reference, earlier_title, earlier_reported_at, reason, score, detected_at)
                values (:id, :reference, :title, :reportedAt, :earlier, :earlierReference, :earlierTitle,
                    :earlierReportedAt, :reason, :score, :now)
                on conflict (incident_id, earlier_id, reason) do update set score = excluded.score""")
                .param("id", flag.incident().value())
                .param("reference", flag.reference())
                .param("title", flag.title())
                .param("reportedAt", Timestamp.from(flag.reportedAt()))
                .param("earlier", flag.earlier().value())
                .param("earlierReference", flag.earlierReference())
                .param("earlierTitle", flag.earlierTitle())
                .param("earlierReportedAt", Timestamp.from(flag.earlierReportedAt()))
                .param("reason", flag.reason())
                .param("score", flag.score())
                .param("now", Timestamp.from(now))
                .update();
    }

    List<Flag> of(IncidentId incident) {
        return jdbc.sql(
                        "select * from recurrence where incident_id = :id order by score desc, earlier_reported_at desc")
                .param("id", incident.value())
                .query(Recurrences::flag)
                .list();
    }

    /** The recurring incidents, most recently reported first. */
    List<Recurrence> recent(int limit) {
        List<Flag> flags =
                jdbc.sql("""
                select * from recurrence where incident_id in (
                    select incident_id from recurrence group by incident_id
                    order by max(incident_reported_at) desc limit :limit)
                order by incident_reported_at desc, incident_id, score desc""").param("limit", limit).query(Recurrences::flag).list();
        return grouped(flags);
    }

    /** Flags grouped per incident, and per earlier incident with all its reasons. */
    static List<Recurrence> grouped(List<Flag> flags) {
        Map<IncidentId, List<Flag>> byIncident = new LinkedHashMap<>();
        flags.forEach(flag -> byIncident
                .computeIfAbsent(flag.incident(), id -> new ArrayList<>())
                .add(flag));
        List<Recurrence> recurrences = new ArrayList<>();
        byIncident.forEach((incident, own) -> {
            Map<IncidentId, Recurrence.Earlier> earlier = new LinkedHashMap<>();
            for (Flag flag : own) {
                earlier.merge(
                        flag.earlier(),
                        new Recurrence.Earlier(
                                flag.earlier(),
                                flag.earlierReference(),
                                flag.earlierTitle(),
                                flag.earlierReportedAt(),
                                List.of(flag.reason()),
                                flag.score()),
                        (a, b) -> new Recurrence.Earlier(
                                a.incident(),
                                a.reference(),
                                a.title(),
                                a.reportedAt(),
                                concat(a.reasons(), b.reasons()),
                                Math.max(a.score(), b.score())));
            }
            Flag first = own.get(0);
            recurrences.add(new Recurrence(
                    incident, first.reference(), first.title(), first.reportedAt(), new ArrayList<>(earlier.values())));
        });
        return recurrences;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(reason -> !all.contains(reason)).forEach(all::add);
        return all;
    }

    /** One key per stored flag: a flag inserted twice is stored once. */
    private static List<String> keys(List<Flag> flags) {
        return flags.stream()
                .map(f -> f.earlier() + ":" + f.reason())
                .distinct()
                .sorted()
                .toList();
    }

    private static Flag flag(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Flag(
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getString("incident_reference"),
                rs.getString("incident_title"),
                rs.getTimestamp("incident_reported_at").toInstant(),
                new IncidentId(rs.getObject("earlier_id", UUID.class)),
                rs.getString("earlier_reference"),
                rs.getString("earlier_title"),
                rs.getTimestamp("earlier_reported_at").toInstant(),
                rs.getString("reason"),
                rs.getDouble("score"));
    }
}
