package io.cairn.incidents;

import static io.cairn.incidents.TestIncidents.MATRIX;
import static io.cairn.incidents.TestIncidents.REPORTED_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.Seeds;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The incident's verbs keep the lifecycle's rules and stamp its milestones, without a database. */
class IncidentTest {

    private static final Instant LATER = REPORTED_AT.plus(Duration.ofHours(1));

    @Test
    void aReportedIncidentIsNewUnacknowledgedAndUnnumberedUntilTheDatabaseNumbersItOnce() {
        Incident incident = TestIncidents.reported();

        IncidentView view = incident.view(MATRIX);
        assertThat(view.status()).isEqualTo(Status.NEW);
        assertThat(view.number()).isZero();
        assertThat(view.acknowledgedAt()).isNull();
        assertThat(view.closedAt()).isNull();
        assertThat(view.reportedAt()).isEqualTo(REPORTED_AT).isEqualTo(view.updatedAt());
        assertThat(view.priority()).isEqualTo("P3");

        incident.numbered(42);
        assertThat(incident.reference()).isEqualTo("INC-42");
        assertThatThrownBy(() -> incident.numbered(43)).isInstanceOf(IllegalStateException.class);
        assertThat(incident.reference()).isEqualTo("INC-42");
    }

    @Test
    void walkingTheLifecycleStampsEachMilestoneOnceAndClosingKeepsTheResolution() {
        Incident incident = TestIncidents.reported();
        Instant at = REPORTED_AT;
        for (Status next : new Status[] {
            Status.TRIAGE, Status.ANALYSIS, Status.CONTAINMENT, Status.ERADICATION, Status.RECOVERY, Status.REVIEW
        }) {
            at = at.plusSeconds(60);
            assertThat(incident.transition(next, null, at)).as(next.code()).isEmpty();
        }
        at = at.plusSeconds(60);
        assertThat(incident.transition(Status.CLOSED, "Mailbox cleaned, password reset", at))
                .isEmpty();

        IncidentView view = incident.view(MATRIX);
        assertThat(view.status()).isEqualTo(Status.CLOSED);
        assertThat(view.acknowledgedAt()).isEqualTo(REPORTED_AT.plusSeconds(60));
        assertThat(view.respondedAt()).isEqualTo(REPORTED_AT.plusSeconds(2 * 60));
        assertThat(view.containedAt()).isEqualTo(REPORTED_AT.plusSeconds(4 * 60));
        assertThat(view.eradicatedAt()).isEqualTo(REPORTED_AT.plusSeconds(5 * 60));
        assertThat(view.recoveredAt()).isEqualTo(REPORTED_AT.plusSeconds(6 * 60));
        assertThat(view.closedAt()).isEqualTo(at).isEqualTo(view.updatedAt());
        assertThat(view.resolution()).isEqualTo("Mailbox cleaned, password reset");
    }

    @Test
    void reopeningAClosedIncidentNeedsAReasonAndClearsItsClosingButNotItsMilestones() {
        Incident incident = closed();
        IncidentView closed = incident.view(MATRIX);

        assertThat(incident.transition(Status.ANALYSIS, " ", LATER))
                .map(Refusal::kind)
                .contains(Refusal.Kind.INVALID);
        assertThat(incident.transition(Status.ANALYSIS, "The attacker came back", LATER))
                .isEmpty();

        IncidentView reopened = incident.view(MATRIX);
        assertThat(reopened.status()).isEqualTo(Status.ANALYSIS);
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.resolution()).isNull();
        assertThat(reopened.acknowledgedAt()).isEqualTo(closed.acknowledgedAt());
        assertThat(reopened.containedAt()).isEqualTo(closed.containedAt());
        assertThat(reopened.respondedAt()).isEqualTo(closed.respondedAt());
        assertThat(reopened.eradicatedAt()).isEqualTo(closed.eradicatedAt());
    }

    @Test
    void dismissingAndClosingNeedAReasonAndARefusedTransitionChangesNothing() {
        Incident incident = TestIncidents.reported();
        incident.transition(Status.TRIAGE, null, REPORTED_AT);
        String before = incident.snapshot();

        assertThat(incident.transition(Status.DISMISSED, null, LATER))
                .map(this::fieldOf)
                .contains("reason");
        assertThat(incident.transition(Status.CLOSED, "done", LATER))
                .map(Refusal::kind)
                .contains(Refusal.Kind.CONFLICT);
        assertThat(incident.snapshot()).isEqualTo(before);

        assertThat(incident.transition(Status.DISMISSED, "A test mail of the IT department", LATER))
                .isEmpty();
        assertThat(incident.view(MATRIX).dismissalReason()).isEqualTo("A test mail of the IT department");
        assertThat(incident.view(MATRIX).closedAt()).isEqualTo(LATER);
    }

    @Test
    void takingAnIncidentOnAcknowledgesItButAssigningOnlyATeamDoesNot() {
        Incident toTeam = TestIncidents.reported();
        toTeam.assign(null, TeamId.random(), null, LATER);
        assertThat(toTeam.view(MATRIX).acknowledgedAt()).isNull();

        Incident taken = TestIncidents.reported();
        UserId handler = UserId.random();
        taken.assign(handler, null, null, LATER);
        taken.assign(UserId.random(), null, null, LATER.plusSeconds(5));
        assertThat(taken.view(MATRIX).acknowledgedAt()).isEqualTo(LATER);
    }

    @Test
    void aMergedIncidentIsClosedAsADuplicateAndTakesNoFurtherWork() {
        Incident duplicate = TestIncidents.reported();
        Incident original = TestIncidents.reported();
        original.numbered(7);

        assertThat(duplicate.mergeInto(duplicate, LATER)).map(this::fieldOf).contains("target");
        assertThat(duplicate.mergeInto(original, LATER)).isEmpty();

        IncidentView view = duplicate.view(MATRIX);
        assertThat(view.status()).isEqualTo(Status.CLOSED);
        assertThat(view.mergedInto()).isEqualTo(original.id());
        assertThat(view.resolution()).isEqualTo("Merged into INC-7");
        assertThat(view.acknowledgedAt()).isEqualTo(LATER);
        assertThat(duplicate.transition(Status.ANALYSIS, "reopen", LATER))
                .map(Refusal::kind)
                .contains(Refusal.Kind.CONFLICT);
        assertThat(duplicate.mergeInto(TestIncidents.reported(), LATER))
                .map(Refusal::kind)
                .contains(Refusal.Kind.CONFLICT);
        assertThat(TestIncidents.reported().mergeInto(duplicate, LATER))
                .map(Refusal::kind)
                .contains(Refusal.Kind.CONFLICT);
    }

    /**
     * A property over random walks of transitions, allowed or not, with or without a reason: a refused transition
     * changes nothing; an accepted one moves to its target; an incident is closed exactly when its status is final,
     * acknowledged once it left {@code new}, and never updated before it was reported.
     */
    @RepeatedTest(200)
    void randomWalksKeepTheLifecycleRules() {
        long seed = Seeds.next();
        Random random = new Random(seed);
        Incident incident = TestIncidents.reported();
        Instant now = REPORTED_AT;
        StringBuilder walk = new StringBuilder(Seeds.replay(seed)).append(": new");
        for (int step = 0; step < 40; step++) {
            Status from = incident.status();
            Status target = random.nextInt(3) == 0
                    ? Status.values()[random.nextInt(Status.values().length)]
                    : from.next().stream()
                            .skip(random.nextInt(Math.max(1, from.next().size())))
                            .findFirst()
                            .orElse(Status.ANALYSIS);
            @Nullable String reason = random.nextInt(4) == 0 ? null : "reason " + step;
            now = now.plusSeconds(1 + random.nextInt(3600));
            String before = incident.snapshot();
            Optional<Refusal> refusal = incident.transition(target, reason, now);
            walk.append(" -> ")
                    .append(target.code())
                    .append(reason == null ? " (no reason)" : "")
                    .append(refusal.isPresent() ? " refused" : "");

            IncidentView view = incident.view(MATRIX);
            if (refusal.isPresent()) {
                assertThat(incident.snapshot()).as(walk.toString()).isEqualTo(before);
            } else {
                assertThat(from.mayMoveTo(target)).as(walk.toString()).isTrue();
                assertThat(view.status()).as(walk.toString()).isEqualTo(target);
                assertThat(view.updatedAt()).as(walk.toString()).isEqualTo(now);
            }
            assertThat(view.closedAt() != null)
                    .as(walk.toString())
                    .isEqualTo(view.status().isFinal());
            assertThat(view.acknowledgedAt() != null).as(walk.toString()).isEqualTo(view.status() != Status.NEW);
            assertThat(view.updatedAt()).as(walk.toString()).isAfterOrEqualTo(view.reportedAt());
        }
    }

    private Incident closed() {
        Incident incident = TestIncidents.reported();
        Instant at = REPORTED_AT;
        for (Status next : new Status[] {
            Status.TRIAGE, Status.ANALYSIS, Status.CONTAINMENT, Status.ERADICATION, Status.RECOVERY, Status.REVIEW
        }) {
            incident.transition(next, null, at);
        }
        assertThat(incident.transition(Status.CLOSED, "Resolved", at)).isEmpty();
        return incident;
    }

    private String fieldOf(Refusal refusal) {
        return refusal.fields().get(0).field();
    }
}
