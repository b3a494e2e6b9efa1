package io.cairn.isms.controls;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a run's timeline in the evidence of a control: a step that evidences the control, or an approval of
 * the run.
 *
 * @param kind {@code task} or {@code approval}
 * @param evidences whether the step names the control (an approval of the run is shown even when it does not)
 * @param state {@code open}, {@code done}, {@code skipped}, {@code approved} or {@code rejected}
 * @param by who closed it; empty while it is open
 * @param openedAt when its phase started; empty while it has not
 * @param closedAt when it was closed; empty while it is open
 * @param note what the person who closed it wrote (for a skipped or rejected step, the reason)
 * @param byRequester whether the person who closed it is the one who asked for the run
 * @param attachments the files attached to it, oldest first
 */
public record EvidenceStep(
        int position,
        String title,
        String kind,
        boolean mandatory,
        boolean evidences,
        String state,
        String by,
        @Nullable Instant openedAt,
        @Nullable Instant dueAt,
        @Nullable Instant closedAt,
        String note,
        boolean byRequester,
        List<EvidenceAttachment> attachments) {

    public EvidenceStep {
        by = by == null ? "" : by;
        note = note == null ? "" : note;
        attachments = List.copyOf(attachments);
    }

    public boolean isApproval() {
        return "approval".equals(kind);
    }

    public boolean isOpen() {
        return "open".equals(state);
    }

    /** For an approval that was decided: whether someone other than the requester decided it, as they must. */
    public boolean decidedBySomeoneElse() {
        return !byRequester;
    }
}
