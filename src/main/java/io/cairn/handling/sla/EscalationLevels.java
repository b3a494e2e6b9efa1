package io.cairn.handling.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored escalation levels. */
@Component
class EscalationLevels {

    private final JdbcClient jdbc;

    EscalationLevels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored level as the module works with it. */
    record Level(
            EscalationLevelId id,
            String name,
            String notifyKind,
            String notifyTarget,
            Duration waitFor,
            @Nullable EscalationLevelId next,
            long version) {}

    List<Level> all() {
        return jdbc.sql(SELECT + " order by name").query((row, n) -> level(row)).list();
    }

    Optional<Level> find(EscalationLevelId id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id.value())
                .query((row, n) -> level(row))
                .optional();
    }

    Optional<EscalationLevelId> findByName(String name) {
        return jdbc.sql("select id from sla_escalation_level where lower(name) = lower(?)")
                .param(name.trim())
                .query((row, n) -> new EscalationLevelId(row.getObject("id", UUID.class)))
                .optional();
    }

    boolean isNextOfAnother(EscalationLevelId id) {
        return jdbc.sql("select exists (select 1 from sla_escalation_level where next_level_id = ?)")
                .param(id.value())
                .query(Boolean.class)
                .single();
    }

    void insert(Level level, Instant now) {
        jdbc.sql("""
                insert into sla_escalation_level (id, name, notify_kind, notify_target, wait_seconds, next_level_id,
                  version, updated_at) values (?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(
                        level.id().value(),
                        level.name(),
                        level.notifyKind(),
                        level.notifyTarget(),
                        level.waitFor().toSeconds(),
                        level.next() == null ? null : level.next().value(),
                        Timestamp.from(now))
                .update();
    }

    boolean replace(Level level, long version, Instant now) {
        return jdbc.sql("""
                update sla_escalation_level set name = ?, notify_kind = ?, notify_target = ?, wait_seconds = ?,
                  next_level_id = ?, version = version + 1, updated_at = ?
                where id = ? and version = ?""")
                        .params(
                                level.name(),
                                level.notifyKind(),
                                level.notifyTarget(),
                                level.waitFor().toSeconds(),
                                level.next() == null ? null : level.next().value(),
                                Timestamp.from(now),
                                level.id().value(),
                                version)
                        .update()
                == 1;
    }

    void delete(EscalationLevelId id) {
        jdbc.sql("delete from sla_escalation_level where id = ?")
                .param(id.value())
                .update();
    }

    private static final String SELECT = "select id, name, notify_kind, notify_target, wait_seconds, next_level_id, "
            + "version from sla_escalation_level";

    private static Level level(ResultSet row) throws SQLException {
        UUID next = row.getObject("next_level_id", UUID.class);
        return new Level(
                new EscalationLevelId(row.getObject("id", UUID.class)),
                row.getString("name"),
                row.getString("notify_kind"),
                row.getString("notify_target"),
                Duration.ofSeconds(row.getLong("wait_seconds")),
                next == null ? null : new EscalationLevelId(next),
                row.getLong("version"));
    }
}
