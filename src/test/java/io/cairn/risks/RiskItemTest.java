package io.cairn.risks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.identity.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A risk's verbs and the overdue rule of RISK-2. */
class RiskItemTest {

    private static final Instant REGISTERED = Instant.parse("2025-04-01T09:00:00Z");

    private static RiskItem risk(LocalDate target) {
        RiskDetails details =
                new RiskDetails("Ransomware on the file server", "", null, UserId.random(), "backups", target);
        return RiskItem.registered(details, Assessment.of(3, 4, RiskMatrix.DEFAULT), null, REGISTERED);
    }

    @Test
    void anAnticipatedRiskIsOverdueTheDayAfterItsMitigationTargetDate() {
        RiskItem risk = risk(LocalDate.parse("2025-04-30"));

        assertThat(risk.status()).isEqualTo(RiskStatus.ANTICIPATED);
        assertThat(risk.overdueOn(LocalDate.parse("2025-04-30"))).isFalse();
        assertThat(risk.overdueOn(LocalDate.parse("2025-05-01"))).isTrue();
    }

    @Test
    void aClosedRiskIsNeverOverdueAndOneWithoutATargetNeither() {
        RiskItem closed = risk(LocalDate.parse("2025-04-30")).close(ClosureReason.MITIGATED, REGISTERED);
        RiskItem undated = risk(LocalDate.parse("2025-04-30"))
                .revise(new RiskDetails("No date", "", null, UserId.random(), "", null));

        assertThat(closed.overdueOn(LocalDate.parse("2025-05-01"))).isFalse();
        assertThat(undated.overdueOn(LocalDate.parse("2030-01-01"))).isFalse();
    }

    @Test
    void closingRecordsWhyAndWhenAndReopeningReturnsToWhereItStood() {
        RiskItem materialized = risk(LocalDate.parse("2025-04-30")).materialize(REGISTERED.plusSeconds(60));
        RiskItem closed = materialized.close(ClosureReason.NO_RISK, REGISTERED.plus(Duration.ofHours(2)));
        RiskItem reopened = closed.reopen();

        assertThat(closed.status()).isEqualTo(RiskStatus.CLOSED);
        assertThat(closed.closureReason()).isEqualTo(ClosureReason.NO_RISK);
        assertThat(closed.closedAt()).isEqualTo(Instant.parse("2025-04-01T11:00:00Z"));
        assertThat(Risk.of(closed, RiskMatrix.DEFAULT, "Owner", null, LocalDate.parse("2025-05-01"))
                        .resolutionMinutes())
                .isEqualTo(120L);
        assertThat(reopened.status()).isEqualTo(RiskStatus.MATERIALIZED);
        assertThat(reopened.closureReason()).isNull();
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.version()).isEqualTo(3);
        assertThat(risk(LocalDate.parse("2025-04-30"))
                        .close(ClosureReason.ACCEPTED, REGISTERED)
                        .reopen()
                        .status())
                .isEqualTo(RiskStatus.ANTICIPATED);
    }

    @Test
    void theSeverityComesFromTheMatrix() {
        RiskItem risk = risk(LocalDate.parse("2025-04-30"));

        assertThat(risk.current().severity()).isEqualTo("high");
        assertThat(risk.assess(Assessment.of(5, 5, RiskMatrix.DEFAULT), Assessment.of(1, 2, RiskMatrix.DEFAULT))
                        .residual()
                        .severity())
                .isEqualTo("low");
    }
}
