package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle of an incident, checked on every status and every pair of statuses. */
class StatusTest {

    @Test
    void theLifecycleRunsThroughTheNistPhasesAndTriageMayDismiss() {
        assertThat(List.of(
                        Status.NEW,
                        Status.TRIAGE,
                        Status.ANALYSIS,
                        Status.CONTAINMENT,
                        Status.ERADICATION,
                        Status.RECOVERY,
                        Status.REVIEW,
                        Status.CLOSED))
                .allSatisfy(status -> {
                    if (status != Status.CLOSED) {
                        assertThat(status.next()).contains(Status.values()[status.ordinal() + 1]);
                    }
                });
        assertThat(Status.TRIAGE.next()).containsExactlyInAnyOrder(Status.ANALYSIS, Status.DISMISSED);
        assertThat(Status.CLOSED.next()).containsExactly(Status.ANALYSIS);
        assertThat(Status.DISMISSED.next()).isEmpty();
    }

    @Test
    void everyStatusCanBeReachedFromNew() {
        Set<Status> reached = EnumSet.of(Status.NEW);
        Deque<Status> todo = new ArrayDeque<>(reached);
        while (!todo.isEmpty()) {
            for (Status next : todo.pop().next()) {
                if (reached.add(next)) {
                    todo.push(next);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(Status.values());
    }

    @Test
    void mayMoveToAgreesWithNextOnEveryPairAndNoStatusMovesToItselfOrBackToNew() {
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                assertThat(from.mayMoveTo(to))
                        .as("%s to %s", from, to)
                        .isEqualTo(from.next().contains(to));
            }
            assertThat(from.mayMoveTo(from)).as(from.code()).isFalse();
            assertThat(from.mayMoveTo(Status.NEW)).as(from.code()).isFalse();
        }
    }

    @Test
    void onlyClosedAndDismissedAreFinalAndFinalIsTheOppositeOfOpen() {
        for (Status status : Status.values()) {
            assertThat(status.isFinal()).as(status.code()).isEqualTo(!status.isOpen());
        }
        assertThat(EnumSet.allOf(Status.class).stream().filter(Status::isFinal))
                .containsExactlyInAnyOrder(Status.CLOSED, Status.DISMISSED);
    }

    @Test
    void onlyAClosedIncidentLeavesAFinalStatusAndOnlyIntoAnalysis() {
        for (Status status : Status.values()) {
            if (status.isFinal()) {
                assertThat(status.next()).as(status.code()).allMatch(next -> next == Status.ANALYSIS);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void theCodeIsTheLowerCaseNameAndIsReadBackInAnyCaseAndWithSpaces(Status status) {
        assertThat(status.code()).isEqualTo(status.name().toLowerCase(Locale.ROOT));
        assertThat(Status.fromCode(status.code())).isEqualTo(status);
        assertThat(Status.fromCode(" " + status.name() + " ")).isEqualTo(status);
    }

    @Test
    void anUnknownCodeIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Status.fromCode("solved"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'solved'")
                .hasMessageContaining("triage")
                .hasMessageContaining("dismissed");
    }
}
