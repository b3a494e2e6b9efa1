package io.cairn.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stages whose next notice is due, claimed for one scan, and the notices told, each once. */
@Component
class ObligationNotices {

    /** A stage claimed for a scan. */
    record Due(UUID obligation, String stage) {}

    private final JdbcClient jdbc;

    ObligationNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code limit} stages whose next notice is due, skipping those another scan holds. */
    List<Due> claim(Instant now, int limit) {
        return jdbc.sql("select obligation_id, stage from compliance_obligation_stage where next_warning_at <= ? "
                        + "and required order by next_warning_at limit ? for update skip locked")
                .params(Timestamp.from(now), limit)
                .query((row, n) -> new Due(row.getObject("obligation_id", UUID.class), row.getString("stage")))
                .list();
    }

    /** Records that the notice at {@code warnAt} of the due instant was told; false when it was before. */
    boolean record(Due due, Instant dueAt, Instant warnAt, boolean overdue, Instant now) {
        return jdbc.sql("insert into compliance_warning_sent (obligation_id, stage, due_at, warn_at, overdue, sent_at) "
                                + "values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                        .params(
                                due.obligation(),
                                due.stage(),
                                Timestamp.from(dueAt),
                                Timestamp.from(warnAt),
                                overdue,
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Moves the stage's next notice on; none when nothing is left to tell. */
    void advance(Due due, @Nullable Instant next) {
        jdbc.sql("update compliance_obligation_stage set next_warning_at = ? where obligation_id = ? and stage = ?")
                .params(next == null ? null : Timestamp.from(next), due.obligation(), due.stage())
                .update();
    }
}
