package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.ContentDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stored attachments of reports: the bytes with file name, sniffed type, size and SHA-256 digest. */
@Component
class Attachments {

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AttachmentView add(
            IncidentId incident, String filename, @Nullable String declaredType, byte[] content, Instant at) {
        AttachmentView view = new AttachmentView(
                UUID.randomUUID(),
                filename,
                ContentSniffer.sniff(content),
                declaredType,
                content.length,
                ContentDigest.of(content).hex(),
                at);
        jdbc.sql("""
                insert into intake_attachment (id, incident_id, filename, content_type, declared_content_type, size,
                  sha256, content, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        view.id(),
                        incident.value(),
                        view.filename(),
                        view.contentType(),
                        view.declaredContentType(),
                        view.size(),
                        view.sha256(),
                        content,
                        Timestamp.from(at))
                .update();
        return view;
    }

    List<AttachmentView> of(IncidentId incident) {
        return jdbc.sql("""
                select id, filename, content_type, declared_content_type, size, sha256, created_at
                from intake_attachment where incident_id = ? order by created_at, filename, id""")
                .param(incident.value())
                .query((row, n) -> new AttachmentView(
                        row.getObject("id", UUID.class),
                        row.getString("filename"),
                        row.getString("content_type"),
                        row.getString("declared_content_type"),
                        row.getLong("size"),
                        row.getString("sha256"),
                        row.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** A stored file with its content. */
    record Stored(AttachmentView attachment, byte[] content) {}

    Optional<Stored> find(IncidentId incident, UUID id) {
        return of(incident).stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .map(view -> new Stored(
                        view,
                        jdbc.sql("select content from intake_attachment where id = ?")
                                .param(id)
                                .query(byte[].class)
                                .single()));
    }
}
