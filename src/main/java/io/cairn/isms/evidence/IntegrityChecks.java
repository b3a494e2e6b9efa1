package io.cairn.isms.evidence;

import io.cairn.identity.Actor;
import io.cairn.isms.EvidenceIntegrityChecked;
import io.cairn.isms.EvidenceItemId;
import io.cairn.isms.files.FileReception;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the integrity of the files Cairn holds: recomputes the SHA-256 of the stored bytes and records, as an entry of
 * the item's log, whether it matches the hash computed at collection. The handlers of the incident and the item's
 * custodian check it; an item whose hash was only recorded cannot be checked by Cairn.
 */
@Component
class IntegrityChecks {

    private final EvidenceAccess access;
    private final EvidenceStore store;
    private final CustodyLogs logs;
    private final Clock clock;

    IntegrityChecks(EvidenceAccess access, EvidenceStore store, CustodyLogs logs, Clock clock) {
        this.access = access;
        this.store = store;
        this.logs = logs;
        this.clock = clock;
    }

    /** Checks the file, and answers whether it matched. */
    @Transactional
    Outcome<Boolean> check(EvidenceItemId id) {
        Actor actor = access.actor();
        Optional<EvidenceItem> found = store.lock(id).filter(item -> access.reads(actor, item.incident()));
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("evidence item " + id));
        }
        EvidenceItem item = found.get();
        if (!access.records(actor, item)) {
            return Outcome.refused(Refusal.forbidden(EvidenceRefusals.ONLY_HANDLERS_RECORD));
        }
        Optional<byte[]> content = item.held() ? store.content(id) : Optional.empty();
        if (content.isEmpty()) {
            return Outcome.refused(Refusal.conflict(EvidenceRefusals.NOT_HELD));
        }
        String computed = FileReception.sha256Of(content.get());
        boolean matched = computed.equals(item.sha256());
        logs.append(
                item,
                CustodyEntry.Kind.INTEGRITY_CHECKED,
                actor,
                clock.instant(),
                CustodyEntry.Facts.check(matched, computed),
                entry -> new EvidenceIntegrityChecked(
                        id,
                        item.incident(),
                        actor.ref(),
                        entry.recordedAt(),
                        matched,
                        entry.previousHash(),
                        entry.hash()));
        return Outcome.done(matched);
    }
}
