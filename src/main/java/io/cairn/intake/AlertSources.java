package io.cairn.intake;

import io.cairn.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registered alert sources and the accounts allowed to send for each. */
@Component
class AlertSources {

    private static final String SELECT = """
            select s.source_key, s.description, s.enabled, s.created_at, s.updated_at, s.version,
                   array(select x.user_id from intake_alert_sender x where x.source_key = s.source_key) as senders
            from intake_alert_source s""";

    private final JdbcClient jdbc;

    AlertSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A source as stored: its senders by user id. */
    record Stored(
            String key,
            String description,
            boolean enabled,
            Set<UserId> senders,
            Instant createdAt,
            Instant updatedAt,
            long version) {}

    List<Stored> all() {
        return jdbc.sql(SELECT + " order by s.source_key")
                .query((row, n) -> stored(row))
                .list();
    }

    Optional<Stored> byKey(String key) {
        return jdbc.sql(SELECT + " where s.source_key = ?")
                .param(key)
                .query((row, n) -> stored(row))
                .optional();
    }

    /** Whether the source is registered, enabled, and the user is one of its senders. */
    boolean accepts(String key, UserId sender) {
        return jdbc.sql("""
                select exists (select 1 from intake_alert_source s
                               join intake_alert_sender x on x.source_key = s.source_key
                               where s.source_key = ? and s.enabled and x.user_id = ?)""").params(key, sender.value()).query(Boolean.class).single();
    }

    /** Registers a source; false when the key is taken. */
    boolean add(String key, String description, boolean enabled, Collection<UserId> senders, Instant now) {
        int added = jdbc.sql("""
                insert into intake_alert_source (source_key, description, enabled, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, 0) on conflict do nothing""")
                .params(key, description, enabled, Timestamp.from(now), Timestamp.from(now))
                .update();
        if (added == 1) {
            placeSenders(key, senders);
        }
        return added == 1;
    }

    /** Replaces a source's description, state and senders if it is still at the expected version. */
    boolean change(
            String key,
            String description,
            boolean enabled,
            Collection<UserId> senders,
            long expectedVersion,
            Instant now) {
        int changed = jdbc.sql("""
                update intake_alert_source set description = ?, enabled = ?, updated_at = ?, version = version + 1
                where source_key = ? and version = ?""")
                .params(description, enabled, Timestamp.from(now), key, expectedVersion)
                .update();
        if (changed == 1) {
            jdbc.sql("delete from intake_alert_sender where source_key = ?")
                    .param(key)
                    .update();
            placeSenders(key, senders);
        }
        return changed == 1;
    }

    /** Removes a source, its senders and its de-duplication records, if it is still at the expected version. */
    boolean remove(String key, long expectedVersion) {
        return jdbc.sql("delete from intake_alert_source where source_key = ? and version = ?")
                        .params(key, expectedVersion)
                        .update()
                == 1;
    }

    private void placeSenders(String key, Collection<UserId> senders) {
        senders.forEach(sender -> jdbc.sql("insert into intake_alert_sender (source_key, user_id) values (?, ?)")
                .params(key, sender.value())
                .update());
    }

    private static Stored stored(ResultSet row) throws SQLException {
        Set<UserId> senders = List.of((UUID[]) row.getArray("senders").getArray()).stream()
                .map(UserId::new)
                .collect(Collectors.toUnmodifiableSet());
        return new Stored(
                row.getString("source_key"),
                row.getString("description"),
                row.getBoolean("enabled"),
                senders,
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                row.getLong("version"));
    }
}
