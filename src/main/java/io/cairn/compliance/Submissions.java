package io.cairn.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The frozen submissions of obligations' stages: written once, never changed (the database refuses it too). */
@Component
class Submissions {

    /** A stored submission with the exact bytes that were submitted. */
    record Stored(SubmissionView view, UUID obligation, byte[] content) {}

    private static final String SELECT = "select id, obligation_id, stage, sequence, corrects, content, sha256, "
            + "channel, recipient, reference, due_at, late, delay_reason, submitted_by_name, submitted_at "
            + "from compliance_submission";

    private final JdbcClient jdbc;

    Submissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The submissions of the obligation's stage, first first. */
    List<Stored> of(UUID obligation, String stage) {
        return jdbc.sql(SELECT + " where obligation_id = ? and stage = ? order by sequence")
                .params(obligation, stage)
                .query((row, n) -> stored(row))
                .list();
    }

    /** The submissions of the obligations, first first. */
    List<Stored> of(List<UUID> obligations) {
        return jdbc.sql(SELECT + " where obligation_id = any(?) order by obligation_id, stage, sequence")
                .param(obligations.toArray(UUID[]::new))
                .query((row, n) -> stored(row))
                .list();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query((row, n) -> stored(row))
                .optional();
    }

    void insert(UUID obligation, SubmissionView view, byte[] content, io.cairn.identity.UserId submitter) {
        jdbc.sql("insert into compliance_submission (id, obligation_id, stage, sequence, corrects, content, sha256, "
                        + "channel, recipient, reference, due_at, late, delay_reason, submitted_by, submitted_by_name, "
                        + "submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        view.id(),
                        obligation,
                        view.stage(),
                        view.sequence(),
                        view.corrects(),
                        content,
                        view.sha256(),
                        view.channel(),
                        view.recipient(),
                        view.reference(),
                        timestamp(view.dueAt()),
                        view.late(),
                        view.delayReason(),
                        submitter.value(),
                        view.submittedByName(),
                        Timestamp.from(view.submittedAt()))
                .update();
    }

    private static Stored stored(ResultSet row) throws SQLException {
        Timestamp due = row.getTimestamp("due_at");
        SubmissionView view = new SubmissionView(
                row.getObject("id", UUID.class),
                row.getString("stage"),
                row.getInt("sequence"),
                row.getObject("corrects", UUID.class),
                row.getString("sha256"),
                row.getString("channel"),
                row.getString("recipient"),
                row.getString("reference"),
                due == null ? null : due.toInstant(),
                row.getBoolean("late"),
                row.getString("delay_reason"),
                row.getString("submitted_by_name"),
                row.getTimestamp("submitted_at").toInstant());
        return new Stored(view, row.getObject("obligation_id", UUID.class), row.getBytes("content"));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
