package io.cairn.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the register says of a breach's notification: whether the supervisory authority and the people were told and
 * when, with the authority's reference, the delay reasons given, and the effects and remedial action the
 * notification's draft names.
 *
 * @param state {@code notified}, {@code pending} or {@code not-required}
 */
record BreachNotification(
        String state,
        @Nullable Instant authorityNotifiedAt,
        @Nullable String authorityReference,
        @Nullable Instant subjectsNotifiedAt,
        @Nullable Instant publicCommunicationAt,
        List<String> delayReasons,
        Map<String, String> draft) {

    static final String AUTHORITY = "supervisory-authority";
    static final String SUBJECTS = "data-subjects";
    static final String PUBLIC = "public-communication";

    BreachNotification {
        delayReasons = List.copyOf(delayReasons);
        draft = Map.copyOf(draft);
    }

    /** The notification of the incident's GDPR obligation, if it has one open. */
    static BreachNotification of(
            Map<DecisionKind, DecisionView> decided,
            Optional<Obligations.Stored> gdpr,
            Submissions submissions,
            SubmissionDrafts drafts) {
        if (gdpr.isEmpty()) {
            return new BreachNotification("not-required", null, null, null, null, List.of(), Map.of());
        }
        List<Submissions.Stored> sent = submissions.of(List.of(gdpr.get().id()));
        Optional<SubmissionView> authority = first(sent, AUTHORITY);
        Optional<SubmissionView> subjects = first(sent, SUBJECTS);
        StageState stage = gdpr.get().stages().get(AUTHORITY);
        String state =
                authority.isPresent() ? "notified" : stage != null && stage.required() ? "pending" : "not-required";
        return new BreachNotification(
                state,
                authority.map(SubmissionView::submittedAt).orElse(null),
                authority.map(SubmissionView::reference).orElse(null),
                subjects.map(SubmissionView::submittedAt).orElse(null),
                first(sent, PUBLIC).map(SubmissionView::submittedAt).orElse(null),
                sent.stream()
                        .map(Submissions.Stored::view)
                        .map(SubmissionView::delayReason)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                drafts.find(gdpr.get().id(), AUTHORITY)
                        .map(SubmissionDrafts.Stored::fields)
                        .orElse(Map.of()));
    }

    /** The likely consequences the notification names, else the risk decision's rationale. */
    String effects(@Nullable DecisionView risk) {
        String named = draft.getOrDefault("likely-consequences", "");
        return !named.isBlank() || risk == null ? named : risk.current().rationale();
    }

    /** The measures taken or proposed that the notification names. */
    String remedialAction() {
        return draft.getOrDefault("measures", "");
    }

    /** Why the authority was not told: the rationale of the decision that made it not required; none when told. */
    @Nullable
    String notNotifiedBecause(DecisionView breach, @Nullable DecisionView risk) {
        if (state.equals("notified")) {
            return null;
        }
        if (!breach.current().result().equals("yes") || risk == null) {
            return breach.current().rationale();
        }
        return risk.current().rationale();
    }

    private static Optional<SubmissionView> first(List<Submissions.Stored> sent, String stage) {
        return sent.stream()
                .map(Submissions.Stored::view)
                .filter(view -> view.stage().equals(stage))
                .findFirst();
    }
}
