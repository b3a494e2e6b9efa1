package io.cairn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The corrective action's verbs, without a server. */
class CorrectiveActionItemTest {

    private static final LocalDate DUE = LocalDate.parse("2026-03-20");
    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private final CorrectiveActionItem planned = CorrectiveActionItem.planned(
            IncidentId.random(), "INC-1", "Tighten the mail filter", new UserId(UUID.randomUUID()), DUE);

    @Test
    void aPlannedActionIsOpenAndNotStoredYet() {
        assertThat(planned.state()).isEqualTo(CorrectiveActionState.OPEN);
        assertThat(planned.version()).isZero();
        assertThat(planned.doneAt()).isNull();
    }

    @Test
    void markingDoneRecordsWhenAndReopeningForgetsIt() {
        CorrectiveActionItem done = planned.markDone(NOW);
        CorrectiveActionItem reopened = done.reopen();

        assertThat(done.state()).isEqualTo(CorrectiveActionState.DONE);
        assertThat(done.doneAt()).isEqualTo(NOW);
        assertThat(done.version()).isEqualTo(1);
        assertThat(reopened.open()).isTrue();
        assertThat(reopened.doneAt()).isNull();
        assertThat(reopened.version()).isEqualTo(2);
    }

    @Test
    void isOverdueOnlyWhileOpenAfterItsDueDate() {
        assertThat(planned.overdueOn(DUE)).isFalse();
        assertThat(planned.overdueOn(DUE.plusDays(1))).isTrue();
        assertThat(planned.markDone(NOW).overdueOn(DUE.plusDays(1))).isFalse();
    }

    @Test
    void theStatesAreStoredAndAnsweredByTheirCodes() {
        assertThat(CorrectiveActionState.ofCode("open")).isEqualTo(CorrectiveActionState.OPEN);
        assertThat(CorrectiveActionState.DONE.code()).isEqualTo("done");
        assertThat(ReviewState.ofCode("completed")).isEqualTo(ReviewState.COMPLETED);
        assertThat(CorrectiveAction.of(planned.markDone(NOW), "Alice", DUE).status())
                .isEqualTo("done");
    }
}
