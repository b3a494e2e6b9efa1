package io.cairn.handling;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An item of work from another module as the team task list shows it.
 *
 * @param source where it comes from, such as {@code PRC-12 · Off-boarding}
 * @param doneBy the team (or person) that does it
 * @param href the page of the item, where it is done
 */
public record TeamWorkItem(
        String title,
        String source,
        String doneBy,
        @Nullable Instant dueAt,
        boolean mandatory,
        String href) {

    public boolean isOverdue(Instant now) {
        return dueAt != null && dueAt.isBefore(now);
    }
}
