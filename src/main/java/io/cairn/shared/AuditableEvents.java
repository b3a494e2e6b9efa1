package io.cairn.shared;

import java.util.List;

/**
 * Auditable events of one change that the audit trail records together, in their order, with one append: a record for
 * each event, chained exactly as if each had been published on its own (a publication to a thousand subscribers
 * records a thousand messages issued without a thousand round trips to the database).
 *
 * @param events at least one, in the order their records take in the trail
 */
public record AuditableEvents(List<AuditableEvent> events) {

    public AuditableEvents {
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a batch of auditable events holds at least one");
        }
    }
}
