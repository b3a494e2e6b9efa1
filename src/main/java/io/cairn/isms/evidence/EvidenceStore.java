package io.cairn.isms.evidence;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.isms.EvidenceItemId;
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
import org.springframework.stereotype.Repository;

/**
 * The evidence tables: items (their current facts, a projection of the log), the files Cairn holds, and the custody
 * log, to which entries are only ever added (the database refuses to change or remove one).
 */
@Repository
class EvidenceStore {

    private static final String ITEM_COLUMNS = """
            id, incident_id, number, kind, description, source, collected_at, collected_by, collected_where,
            collected_how, sha256, held, file_name, file_size, content_type, storage_location, custodian_id,
            pending_transfer, pending_receiver, recorded_at, head_hash, version""";

    private final JdbcClient jdbc;

    EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of an item of the incident, holding the incident's numbering until the transaction ends. */
    int nextNumber(IncidentId incident) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('evidence:' || ?, 0))")
                .param(incident.toString())
                .query((rs, i) -> 1)
                .list();
        return jdbc.sql("select coalesce(max(number), 0) + 1 from evidence_item where incident_id = ?")
                .param(incident.value())
                .query(Integer.class)
                .single();
    }

    void insert(EvidenceItem item) {
        EvidenceItem.HeldFile file = item.file();
        jdbc.sql("insert into evidence_item (" + ITEM_COLUMNS + ") values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        item.id().value(),
                        item.incident().value(),
                        item.number(),
                        item.kind().code(),
                        item.description(),
                        item.source(),
                        Timestamp.from(item.collectedAt()),
                        item.collectedBy().value(),
                        item.collectedWhere(),
                        item.collectedHow(),
                        item.sha256(),
                        item.held(),
                        file == null ? null : file.name(),
                        file == null ? null : file.size(),
                        file == null ? null : file.contentType(),
                        item.storageLocation(),
                        item.custodian().value(),
                        null,
                        null,
                        Timestamp.from(item.recordedAt()),
                        item.headHash(),
                        item.version())
                .update();
    }

    /** Writes the bytes of a held file. */
    void insertFile(EvidenceItemId item, ReceivedFile file) {
        file.storeWith(content -> jdbc.sql("insert into evidence_file (item_id, content) values (?, ?)")
                .params(item.value(), content)
                .update());
    }

    /** The bytes of a held file. */
    Optional<byte[]> content(EvidenceItemId item) {
        return jdbc.sql("select content from evidence_file where item_id = ?")
                .param(item.value())
                .query((rs, i) -> rs.getBytes(1))
                .optional();
    }

    void append(EvidenceItemId item, CustodyEntry entry) {
        CustodyEntry.Facts f = entry.facts();
        jdbc.sql("""
                insert into evidence_custody_entry (id, item_id, seq, kind, recorded_at, actor_id, actor_name,
                  occurred_at, from_id, to_id, purpose, location, reason, field, old_value, new_value, refers_to,
                  result, computed_sha256, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        entry.id(),
                        item.value(),
                        entry.seq(),
                        entry.kind().code(),
                        Timestamp.from(entry.recordedAt()),
                        entry.actor().value(),
                        entry.actorName(),
                        f.occurredAt() == null ? null : Timestamp.from(f.occurredAt()),
                        f.from() == null ? null : f.from().value(),
                        f.to() == null ? null : f.to().value(),
                        f.purpose(),
                        f.location(),
                        f.reason(),
                        f.field(),
                        f.oldValue(),
                        f.newValue(),
                        f.refersTo(),
                        f.result(),
                        f.computedSha256(),
                        entry.previousHash(),
                        entry.hash())
                .update();
    }

    /** The item, its row locked until the transaction ends: one entry at a time is added to its log. */
    Optional<EvidenceItem> lock(EvidenceItemId id) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from evidence_item where id = ? for update")
                .param(id.value())
                .query(EvidenceStore::item)
                .optional();
    }

    Optional<EvidenceItem> find(EvidenceItemId id) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from evidence_item where id = ?")
                .param(id.value())
                .query(EvidenceStore::item)
                .optional();
    }

    List<EvidenceItem> ofIncident(IncidentId incident) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from evidence_item where incident_id = ? order by number")
                .param(incident.value())
                .query(EvidenceStore::item)
                .list();
    }

    /** The items whose pending transfer awaits this receiver's sign-off, oldest proposal first. */
    List<EvidenceItem> awaiting(UserId receiver) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from evidence_item where pending_receiver = ? order by version")
                .param(receiver.value())
                .query(EvidenceStore::item)
                .list();
    }

    List<CustodyEntry> log(EvidenceItemId item) {
        return jdbc.sql("""
                select id, seq, kind, recorded_at, actor_id, actor_name, occurred_at, from_id, to_id, purpose, location,
                  reason, field, old_value, new_value, refers_to, result, computed_sha256, previous_hash, hash
                from evidence_custody_entry where item_id = ? order by seq""").param(item.value()).query(EvidenceStore::entry).list();
    }

    /** Moves the item's projection on to the entry just appended: its head, version, custody and pending transfer. */
    void advance(EvidenceItem item, CustodyEntry head) {
        jdbc.sql("""
                update evidence_item set head_hash = ?, version = ?, custodian_id = ?, storage_location = ?,
                  pending_transfer = ?, pending_receiver = ?
                where id = ?""")
                .params(
                        head.hash(),
                        item.version() + 1,
                        item.custodian().value(),
                        item.storageLocation(),
                        item.pendingTransfer(),
                        item.pendingReceiver() == null
                                ? null
                                : item.pendingReceiver().value(),
                        item.id().value())
                .update();
    }

    /** Sets a corrected fact; {@code field} is one of {@link EvidenceRules#CORRECTABLE}. */
    void correct(EvidenceItemId item, String field, String value) {
        String column = switch (field) {
            case "kind" -> "kind";
            case "description" -> "description";
            case "source" -> "source";
            case "collectedAt" -> "collected_at";
            case "collectedWhere" -> "collected_where";
            case "collectedHow" -> "collected_how";
            case "storageLocation" -> "storage_location";
            case "sha256" -> "sha256";
            default -> throw new IllegalArgumentException("no correctable fact " + field);
        };
        Object stored = field.equals("collectedAt") ? Timestamp.from(Instant.parse(value)) : value;
        jdbc.sql("update evidence_item set " + column + " = ? where id = ?")
                .params(stored, item.value())
                .update();
    }

    private static EvidenceItem item(ResultSet rs, int row) throws SQLException {
        String fileName = rs.getString("file_name");
        return new EvidenceItem(
                new EvidenceItemId(rs.getObject("id", UUID.class)),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getInt("number"),
                EvidenceKind.ofCode(rs.getString("kind")).orElse(EvidenceKind.OTHER),
                rs.getString("description"),
                rs.getString("source"),
                rs.getTimestamp("collected_at").toInstant(),
                new UserId(rs.getObject("collected_by", UUID.class)),
                rs.getString("collected_where"),
                rs.getString("collected_how"),
                rs.getString("sha256"),
                rs.getBoolean("held"),
                fileName == null
                        ? null
                        : new EvidenceItem.HeldFile(fileName, rs.getLong("file_size"), rs.getString("content_type")),
                rs.getString("storage_location"),
                new UserId(rs.getObject("custodian_id", UUID.class)),
                rs.getObject("pending_transfer", UUID.class),
                user(rs, "pending_receiver"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("head_hash"),
                rs.getLong("version"));
    }

    private static CustodyEntry entry(ResultSet rs, int row) throws SQLException {
        Timestamp occurred = rs.getTimestamp("occurred_at");
        return new CustodyEntry(
                rs.getObject("id", UUID.class),
                rs.getInt("seq"),
                CustodyEntry.Kind.ofCode(rs.getString("kind")),
                rs.getTimestamp("recorded_at").toInstant(),
                new UserId(rs.getObject("actor_id", UUID.class)),
                rs.getString("actor_name"),
                new CustodyEntry.Facts(
                        occurred == null ? null : occurred.toInstant(),
                        user(rs, "from_id"),
                        user(rs, "to_id"),
                        rs.getString("purpose"),
                        rs.getString("location"),
                        rs.getString("reason"),
                        rs.getString("field"),
                        rs.getString("old_value"),
                        rs.getString("new_value"),
                        rs.getObject("refers_to", UUID.class),
                        rs.getString("result"),
                        rs.getString("computed_sha256")),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }

    private static @Nullable UserId user(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new UserId(id);
    }
}
