package io.cairn.knowledge;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Something a review decided must be done so that the incident does not happen again, with who does it and by when.
 *
 * @param status {@code open} or {@code done}
 * @param overdue whether it is open past its due date
 */
public record CorrectiveAction(
        CorrectiveActionId id,
        IncidentId incident,
        String reference,
        String title,
        UserId owner,
        String ownerName,
        LocalDate dueOn,
        String status,
        @Nullable Instant doneAt,
        boolean overdue,
        long version) {

    /** The corrective action as its reader sees it on a day, its owner named. */
    static CorrectiveAction of(CorrectiveActionItem action, String ownerName, LocalDate today) {
        return new CorrectiveAction(
                action.id(),
                action.incident(),
                action.reference(),
                action.title(),
                action.owner(),
                ownerName,
                action.dueOn(),
                action.state().code(),
                action.doneAt(),
                action.overdueOn(today),
                action.version());
    }
}
