package io.cairn.isms.evidence;

import io.cairn.identity.Actor;
import io.cairn.isms.EvidenceCorrected;
import io.cairn.isms.EvidenceItemId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrects the facts of evidence (PROC-4): nothing entered is changed or removed; a correction is a new entry of the
 * item's log, with a reason, that refers to the entry that gave the value it corrects, and the item shows the value
 * as corrected. The handlers of the incident and the item's custodian correct it, on the version they saw. A SHA-256
 * that Cairn computed from the file it holds is a fact no one corrects.
 */
@Component
class EvidenceCorrections {

    private final EvidenceAccess access;
    private final EvidenceStore store;
    private final CustodyLogs logs;
    private final Clock clock;

    EvidenceCorrections(EvidenceAccess access, EvidenceStore store, CustodyLogs logs, Clock clock) {
        this.access = access;
        this.store = store;
        this.logs = logs;
        this.clock = clock;
    }

    @Transactional
    Outcome<UUID> correct(EvidenceItemId id, NewCorrection correction) {
        Actor actor = access.actor();
        Optional<EvidenceItem> found = store.lock(id).filter(item -> access.reads(actor, item.incident()));
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("evidence item " + id));
        }
        EvidenceItem item = found.get();
        if (!access.records(actor, item)) {
            return Outcome.refused(Refusal.forbidden(EvidenceRefusals.ONLY_HANDLERS_RECORD));
        }
        if (correction.version() != item.version()) {
            return Outcome.refused(Refusal.stale(correction.version(), item.version()));
        }
        Instant now = clock.instant();
        Optional<Refusal> refused = EvidenceRules.correctionRefusal(correction, item, now);
        if (refused.isPresent()) {
            return Outcome.refused(refused.get());
        }
        @SuppressWarnings("NullAway") // checked present by correctionRefusal
        String field = correction.field().strip();
        String value = EvidenceRules.normalised(field, correction.value());
        store.correct(id, field, value);
        @SuppressWarnings("NullAway") // checked present by correctionRefusal
        String reason = correction.reason().strip();
        CustodyEntry corrected = logs.append(
                field.equals("storageLocation") ? item.keptAt(value) : item,
                CustodyEntry.Kind.CORRECTED,
                actor,
                now,
                CustodyEntry.Facts.correction(field, item.valueOf(field), value, reason, givenBy(store.log(id), field)),
                entry -> new EvidenceCorrected(
                        id,
                        item.incident(),
                        actor.ref(),
                        entry.recordedAt(),
                        field,
                        entry.previousHash(),
                        entry.hash()));
        return Outcome.done(corrected.id());
    }

    /**
     * The entry that gave the fact its value now: its last correction, the last accepted transfer for where it is kept,
     * or else the collection.
     */
    static UUID givenBy(List<CustodyEntry> log, String field) {
        for (int i = log.size() - 1; i > 0; i--) {
            CustodyEntry entry = log.get(i);
            boolean corrected = entry.kind() == CustodyEntry.Kind.CORRECTED
                    && field.equals(entry.facts().field());
            boolean moved = field.equals("storageLocation") && entry.kind() == CustodyEntry.Kind.TRANSFER_ACCEPTED;
            if (corrected || moved) {
                return entry.id();
            }
        }
        return log.get(0).id();
    }
}
