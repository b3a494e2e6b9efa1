package io.cairn.isms.runs;

import io.cairn.identity.UserId;
import io.cairn.isms.files.ReceivedFile;
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

/**
 * Stored attachments of steps ({@code isms_step_attachment}) and their bytes ({@code isms_step_attachment_file}),
 * written in the transaction that attaches them, the bytes streamed from the received file; never changed or removed.
 */
@Component
class StepAttachmentStore {

    /** An attachment as stored: who attached it by their id, named by the caller. */
    record Stored(
            StepAttachmentId id,
            RunStepId step,
            String fileName,
            String mediaType,
            String sniffedType,
            long size,
            String sha256,
            @Nullable String description,
            UserId attachedBy,
            Instant attachedAt) {

        StepAttachment named(String name) {
            return new StepAttachment(
                    id, step, fileName, mediaType, sniffedType, size, sha256, description, name, attachedAt);
        }
    }

    /** The bytes of an attachment, with what its download says of them. */
    record Content(String fileName, String sha256, byte[] bytes) {}

    private static final String SELECT = """
            select id, step_id, file_name, media_type, sniffed_type, size, sha256, description, attached_by, attached_at
            from isms_step_attachment""";

    private final JdbcClient jdbc;

    StepAttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ProcedureRunId run, Stored attachment, ReceivedFile file) {
        jdbc.sql("""
                insert into isms_step_attachment (id, step_id, run_id, file_name, media_type, sniffed_type, size,
                    sha256, description, attached_by, attached_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        attachment.id().value(),
                        attachment.step().value(),
                        run.value(),
                        attachment.fileName(),
                        attachment.mediaType(),
                        attachment.sniffedType(),
                        attachment.size(),
                        attachment.sha256(),
                        attachment.description(),
                        attachment.attachedBy().value(),
                        Timestamp.from(attachment.attachedAt()))
                .update();
        file.storeWith(
                content -> jdbc.sql("insert into isms_step_attachment_file (attachment_id, content) values (?, ?)")
                        .params(attachment.id().value(), content)
                        .update());
    }

    /** The attachments of a step, oldest first. */
    List<Stored> ofStep(RunStepId step) {
        return jdbc.sql(SELECT + " where step_id = ? order by attached_at, id")
                .param(step.value())
                .query((row, n) -> stored(row))
                .list();
    }

    /** The attachments of every step of a run, oldest first. */
    List<Stored> ofRun(ProcedureRunId run) {
        return jdbc.sql(SELECT + " where run_id = ? order by attached_at, id")
                .param(run.value())
                .query((row, n) -> stored(row))
                .list();
    }

    /** The bytes of an attachment of the step, if it has that attachment. */
    Optional<Content> content(RunStepId step, StepAttachmentId attachment) {
        return jdbc.sql("""
                select a.file_name, a.sha256, f.content
                from isms_step_attachment a join isms_step_attachment_file f on f.attachment_id = a.id
                where a.id = ? and a.step_id = ?""")
                .params(attachment.value(), step.value())
                .query((row, n) -> new Content(row.getString(1), row.getString(2), row.getBytes(3)))
                .optional();
    }

    private static Stored stored(ResultSet row) throws SQLException {
        return new Stored(
                new StepAttachmentId(row.getObject("id", UUID.class)),
                new RunStepId(row.getObject("step_id", UUID.class)),
                row.getString("file_name"),
                row.getString("media_type"),
                row.getString("sniffed_type"),
                row.getLong("size"),
                row.getString("sha256"),
                row.getString("description"),
                new UserId(row.getObject("attached_by", UUID.class)),
                row.getTimestamp("attached_at").toInstant());
    }
}
