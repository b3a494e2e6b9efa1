package io.cairn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.incidents.IncidentId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The post-incident review's verbs, without a server. */
class PostIncidentReviewTest {

    private static final Instant REPORTED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-03-09T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-10T09:00:00Z");
    private static final ReviewContent WRITTEN = new ReviewContent("What happened", "phishing", "Fast", "Filters");

    private final PostIncidentReview notStarted = new PostIncidentReview(
            IncidentId.random(),
            "INC-1",
            "Phished",
            REPORTED,
            "",
            null,
            "",
            "",
            ReviewState.DRAFT,
            null,
            null,
            REPORTED,
            0);

    @Test
    void aDraftSavedTheFirstTimeIsDraftedInVersionOne() {
        PostIncidentReview.Saved saved = notStarted.saveDraft(WRITTEN, MONDAY);

        assertThat(saved.verb()).isEqualTo(ReviewChanged.Verb.DRAFTED);
        assertThat(saved.review().state()).isEqualTo(ReviewState.DRAFT);
        assertThat(saved.review().version()).isEqualTo(1);
        assertThat(saved.review().stored()).isTrue();
        assertThat(saved.review().content()).isEqualTo(WRITTEN);
        assertThat(saved.review().completedAt()).isNull();
    }

    @Test
    void completingRecordsWhoCompletedItAndWhen() {
        PostIncidentReview completed =
                done(notStarted.complete(WRITTEN, "Alice", MONDAY)).review();

        assertThat(completed.completed()).isTrue();
        assertThat(completed.completedBy()).isEqualTo("Alice");
        assertThat(completed.completedAt()).isEqualTo(MONDAY);
    }

    @Test
    void revisingACompletedReviewKeepsWhoCompletedItFirst() {
        PostIncidentReview completed =
                done(notStarted.complete(WRITTEN, "Alice", MONDAY)).review();

        PostIncidentReview.Saved revised = done(completed.complete(WRITTEN, "Bob", TUESDAY));

        assertThat(revised.verb()).isEqualTo(ReviewChanged.Verb.REVISED);
        assertThat(revised.review().completedBy()).isEqualTo("Alice");
        assertThat(revised.review().completedAt()).isEqualTo(MONDAY);
        assertThat(revised.review().updatedAt()).isEqualTo(TUESDAY);
        assertThat(revised.review().version()).isEqualTo(2);
    }

    @Test
    void savingACompletedReviewAsADraftReopensIt() {
        PostIncidentReview completed =
                done(notStarted.complete(WRITTEN, "Alice", MONDAY)).review();

        PostIncidentReview.Saved reopened = completed.saveDraft(WRITTEN, TUESDAY);

        assertThat(reopened.verb()).isEqualTo(ReviewChanged.Verb.REOPENED);
        assertThat(reopened.review().state()).isEqualTo(ReviewState.DRAFT);
        assertThat(reopened.review().completedBy()).isNull();
        assertThat(reopened.review().completedAt()).isNull();
    }

    @Test
    void refusesToCompleteWithoutASummaryOrARootCause() {
        assertThat(field(notStarted.complete(new ReviewContent("", "phishing", "", ""), "Alice", MONDAY)))
                .isEqualTo("summary");
        assertThat(field(notStarted.complete(new ReviewContent("What happened", null, "", ""), "Alice", MONDAY)))
                .isEqualTo("rootCause");
    }

    @Test
    void theDigestNamesTheStateByItsStoredCode() {
        PostIncidentReview completed =
                done(notStarted.complete(WRITTEN, "Alice", MONDAY)).review();

        assertThat(completed.digest())
                .isEqualTo(io.cairn.shared.ContentDigest.of(
                                completed.incident() + "|completed|phishing|What happened|Fast|Filters")
                        .hex());
    }

    @Test
    void aReviewTextLongerThanAllowedIsRefusedNamingItsField() {
        String tooLong = "x".repeat(ReviewContent.MAX_TEXT + 1);

        assertThat(new ReviewContent("", null, tooLong, "").problem())
                .map(refusal -> refusal.fields().get(0).field())
                .contains("wentWell");
        assertThat(ReviewContent.of(new ReviewDraft("  a  ", " ", null, "b", 0)))
                .isEqualTo(new ReviewContent("a", null, "", "b"));
    }

    private static PostIncidentReview.Saved done(Outcome<PostIncidentReview.Saved> outcome) {
        return ((Outcome.Done<PostIncidentReview.Saved>) outcome).value();
    }

    private static String field(Outcome<PostIncidentReview.Saved> outcome) {
        Refusal refusal = ((Outcome.Refused<PostIncidentReview.Saved>) outcome).refusal();
        return refusal.fields().get(0).field();
    }
}
