package io.cairn.isms.evidence;

import io.cairn.identity.Actor;
import io.cairn.isms.EvidenceEvent;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Adds entries to custody logs: each chained to the log's last entry, the item's projection moved on to it, and its
 * event published in the same transaction, so that the audit trail records it or nothing is stored.
 */
@Component
class CustodyLogs {

    private final EvidenceStore store;
    private final ApplicationEventPublisher events;

    CustodyLogs(EvidenceStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /**
     * Appends an entry to the log of the item (locked by the caller) that leaves its custody as it is; {@code event}
     * makes the entry's event.
     */
    CustodyEntry append(
            EvidenceItem item,
            CustodyEntry.Kind kind,
            Actor actor,
            Instant at,
            CustodyEntry.Facts facts,
            Function<CustodyEntry, EvidenceEvent> event) {
        return append(item, entry -> item, kind, actor, at, facts, event);
    }

    /**
     * Appends an entry to the log of the item (locked by the caller), and stores what {@code after} makes of the entry
     * as the item's custody and pending transfer; {@code event} makes the entry's event.
     */
    CustodyEntry append(
            EvidenceItem before,
            Function<CustodyEntry, EvidenceItem> after,
            CustodyEntry.Kind kind,
            Actor actor,
            Instant at,
            CustodyEntry.Facts facts,
            Function<CustodyEntry, EvidenceEvent> event) {
        CustodyEntry entry = CustodyEntry.next(
                (int) before.version(), before.headHash(), kind, at, actor.id(), actor.displayName(), facts);
        store.append(before.id(), entry);
        store.advance(after.apply(entry), entry);
        events.publishEvent(event.apply(entry));
        return entry;
    }
}
