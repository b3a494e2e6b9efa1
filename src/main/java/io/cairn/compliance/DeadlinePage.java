package io.cairn.compliance;

import java.util.List;

/**
 * A page of the deadline overview, earliest due first (so the overdue ones first), stages whose clock does not run
 * last.
 *
 * @param more whether a page follows (at {@code offset + limit})
 */
public record DeadlinePage(List<DeadlineEntry> items, int limit, int offset, boolean more) {

    public DeadlinePage {
        items = List.copyOf(items);
    }
}
