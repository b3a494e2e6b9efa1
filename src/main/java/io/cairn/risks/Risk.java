package io.cairn.risks;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A risk of the register as its readers see it on a day: its levels by their labels, its owner and business unit
 * named.
 *
 * @param status {@code anticipated}, {@code materialized} or {@code closed}
 * @param closureReason why it was closed: {@code eliminated}, {@code accepted}, {@code mitigated}, {@code
 *     transferred} or {@code no_risk}
 * @param overdue RISK-2: whether it is not closed and the day is after its mitigation target date
 * @param resolutionMinutes how long it took from its registration to its closing, in minutes; none while open
 */
public record Risk(
        RiskId id,
        String title,
        String description,
        @Nullable BusinessUnitId businessUnit,
        @Nullable String businessUnitName,
        UserId owner,
        String ownerName,
        String likelihood,
        String impact,
        String severity,
        @Nullable String residualLikelihood,
        @Nullable String residualImpact,
        @Nullable String residualSeverity,
        String treatment,
        String status,
        @Nullable String closureReason,
        @Nullable LocalDate mitigationTargetAt,
        boolean overdue,
        Instant createdAt,
        @Nullable Instant materializedAt,
        @Nullable Instant closedAt,
        @Nullable Long resolutionMinutes,
        long version) {

    /** The risk as a reader sees it on a day, with its owner's and its business unit's names. */
    static Risk of(RiskItem risk, RiskMatrix matrix, String ownerName, @Nullable String unitName, LocalDate today) {
        RiskDetails details = risk.details();
        Assessment residual = risk.residual();
        return new Risk(
                risk.id(),
                details.title(),
                details.description(),
                details.businessUnit(),
                unitName,
                details.owner(),
                ownerName,
                matrix.likelihoodLabel(risk.current().likelihood()),
                matrix.impactLabel(risk.current().impact()),
                risk.current().severity(),
                residual == null ? null : matrix.likelihoodLabel(residual.likelihood()),
                residual == null ? null : matrix.impactLabel(residual.impact()),
                residual == null ? null : residual.severity(),
                details.treatment(),
                risk.status().code(),
                risk.closureReason() == null ? null : risk.closureReason().code(),
                details.mitigationTargetAt(),
                risk.overdueOn(today),
                risk.createdAt(),
                risk.materializedAt(),
                risk.closedAt(),
                risk.closedAt() == null
                        ? null
                        : Duration.between(risk.createdAt(), risk.closedAt()).toMinutes(),
                risk.version());
    }
}
