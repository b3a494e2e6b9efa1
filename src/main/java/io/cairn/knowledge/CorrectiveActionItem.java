package io.cairn.knowledge;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ContentDigest;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A corrective action as its post-incident review keeps it: what is to be done, by whom and by when, and whether it
 * is done. It changes only through its verbs, each of which gives the next version.
 *
 * @param reference the reference of the incident whose review it belongs to
 */
record CorrectiveActionItem(
        CorrectiveActionId id,
        IncidentId incident,
        String reference,
        String title,
        UserId owner,
        LocalDate dueOn,
        CorrectiveActionState state,
        @Nullable Instant doneAt,
        long version) {

    /** A new corrective action, open and not stored yet. */
    static CorrectiveActionItem planned(
            IncidentId incident, String reference, String title, UserId owner, LocalDate dueOn) {
        return new CorrectiveActionItem(
                CorrectiveActionId.random(),
                incident,
                reference,
                title,
                owner,
                dueOn,
                CorrectiveActionState.OPEN,
                null,
                0);
    }

    CorrectiveActionItem markDone(Instant now) {
        return new CorrectiveActionItem(
                id, incident, reference, title, owner, dueOn, CorrectiveActionState.DONE, now, version + 1);
    }

    CorrectiveActionItem reopen() {
        return new CorrectiveActionItem(
                id, incident, reference, title, owner, dueOn, CorrectiveActionState.OPEN, null, version + 1);
    }

    boolean open() {
        return state == CorrectiveActionState.OPEN;
    }

    /** Whether it is still open on a day after its due date. */
    boolean overdueOn(LocalDate today) {
        return open() && dueOn.isBefore(today);
    }

    /** The digest of its state that the audit trail records when it is marked done or reopened. */
    String stateDigest() {
        return ContentDigest.of(id + "|" + state.code()).hex();
    }

    /** The digest of what it is that the audit trail records when it is added. */
    String contentDigest() {
        return ContentDigest.of(id + "|" + title + "|" + owner + "|" + dueOn).hex();
    }
}
