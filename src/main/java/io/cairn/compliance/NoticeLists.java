package io.cairn.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored lists of the people notices go to, one per data-subjects stage, with the counts that outlive them: while
 * a list exists its counts are read from its people; once erased, from what the erasure kept.
 */
@Component
class NoticeLists {

    /** A list that outlived its retention, to erase. */
    record Expired(UUID obligation, String stage, io.cairn.incidents.IncidentId incident) {}

    private static final String COUNTS = """
            select n.people, n.sent, n.failed, n.bounced, n.imported_at, n.last_sent_at, n.erased_at,
                   count(r.id) filter (where r.status = 'queued') as queued,
                   count(r.id) filter (where r.status = 'sending') as sending,
                   count(r.id) filter (where r.status = 'sent') as live_sent,
                   count(r.id) filter (where r.status = 'failed') as live_failed,
                   count(r.id) filter (where r.status = 'bounced') as live_bounced,
                   count(r.id) filter (where r.status = 'unknown') as unknown,
                   count(r.id) as live_people
            from compliance_notice n
            left join compliance_notice_recipient r on r.obligation_id = n.obligation_id and r.stage = n.stage
            where n.obligation_id = ? and n.stage = ?
            group by n.obligation_id, n.stage""";

    private final JdbcClient jdbc;

    NoticeLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The counts of the stage's list; none before the first import. */
    Optional<NoticeView.Counts> counts(UUID obligation, String stage) {
        return jdbc.sql(COUNTS)
                .params(obligation, stage)
                .query((row, n) -> {
                    boolean erased = row.getTimestamp("erased_at") != null;
                    return new NoticeView.Counts(
                            erased ? row.getInt("people") : row.getInt("live_people"),
                            erased ? 0 : row.getInt("queued") + row.getInt("sending"),
                            erased ? row.getInt("sent") : row.getInt("live_sent"),
                            erased ? row.getInt("failed") : row.getInt("live_failed"),
                            erased ? row.getInt("bounced") : row.getInt("live_bounced"),
                            erased ? 0 : row.getInt("unknown"),
                            row.getTimestamp("imported_at").toInstant(),
                            instant(row.getTimestamp("last_sent_at")),
                            instant(row.getTimestamp("erased_at")));
                })
                .optional();
    }

    /** The e-mail addresses on the stage's list, in lower case. */
    Set<String> emails(UUID obligation, String stage) {
        return new HashSet<>(jdbc.sql("select lower(email) from compliance_notice_recipient "
                        + "where obligation_id = ? and stage = ?")
                .params(obligation, stage)
                .query(String.class)
                .list());
    }

    /** Adds the people to the stage's list, in one statement. */
    void add(UUID obligation, String stage, List<NoticeCsv.Person> people, Instant now) {
        jdbc.sql("insert into compliance_notice (obligation_id, stage, imported_at) values (?, ?, ?) "
                        + "on conflict (obligation_id, stage) do update set imported_at = excluded.imported_at")
                .params(obligation, stage, Timestamp.from(now))
                .update();
        jdbc.sql("insert into compliance_notice_recipient (obligation_id, stage, line, name, email, language) "
                        + "select ?, ?, line, name, email, language "
                        + "from unnest(?::int[], ?::text[], ?::text[], ?::text[]) as p (line, name, email, language) "
                        + "order by line")
                .params(
                        obligation,
                        stage,
                        people.stream().map(NoticeCsv.Person::line).toArray(Integer[]::new),
                        people.stream().map(NoticeCsv.Person::name).toArray(String[]::new),
                        people.stream().map(NoticeCsv.Person::email).toArray(String[]::new),
                        people.stream().map(person -> person.language().code()).toArray(String[]::new))
                .update();
    }

    /** A page of the stage's people, in the order they were imported. */
    List<NoticeView.Recipient> people(UUID obligation, String stage, int offset, int limit) {
        return jdbc.sql("select " + RECIPIENT + " from compliance_notice_recipient "
                        + "where obligation_id = ? and stage = ? order by id offset ? limit ?")
                .params(obligation, stage, offset, limit)
                .query(NoticeLists::recipient)
                .list();
    }

    /** The stage's people whose delivery is of unknown outcome, the first {@code limit} in the order imported. */
    List<NoticeView.Recipient> unknown(UUID obligation, String stage, int limit) {
        return jdbc.sql("select " + RECIPIENT + " from compliance_notice_recipient "
                        + "where obligation_id = ? and stage = ? and status = 'unknown' order by id limit ?")
                .params(obligation, stage, limit)
                .query(NoticeLists::recipient)
                .list();
    }

    private static final String RECIPIENT = "id, line, name, email, language, status, error, sent_at";

    private static NoticeView.Recipient recipient(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return new NoticeView.Recipient(
                row.getLong("id"),
                row.getInt("line"),
                row.getString("name"),
                row.getString("email"),
                row.getString("language"),
                row.getString("status"),
                row.getString("error"),
                instant(row.getTimestamp("sent_at")));
    }

    /** The lists whose last send (or, with none, last import) lies before the instant and that are not yet erased. */
    List<Expired> expired(Instant before, int limit) {
        return jdbc.sql("select n.obligation_id, n.stage, o.incident_id from compliance_notice n "
                        + "join compliance_obligation o on o.id = n.obligation_id "
                        + "where n.erased_at is null and coalesce(n.last_sent_at, n.imported_at) < ? "
                        + "order by coalesce(n.last_sent_at, n.imported_at) limit ? for update of n skip locked")
                .params(Timestamp.from(before), limit)
                .query((row, n) -> new Expired(
                        row.getObject("obligation_id", UUID.class),
                        row.getString("stage"),
                        new io.cairn.incidents.IncidentId(row.getObject("incident_id", UUID.class))))
                .list();
    }

    /** Keeps the list's counts on the stage's notice and deletes its people. */
    void erase(UUID obligation, String stage, NoticeView.Counts counts, Instant now) {
        jdbc.sql("update compliance_notice set people = ?, sent = ?, failed = ?, bounced = ?, erased_at = ? "
                        + "where obligation_id = ? and stage = ?")
                .params(
                        counts.people(),
                        counts.sent(),
                        counts.failed(),
                        counts.bounced(),
                        Timestamp.from(now),
                        obligation,
                        stage)
                .update();
        jdbc.sql("delete from compliance_notice_recipient where obligation_id = ? and stage = ?")
                .params(obligation, stage)
                .update();
    }

    static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
