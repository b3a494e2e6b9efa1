package io.cairn.risks;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.UserId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What the API takes to register, revise and assess risks, as entered: the register checks it, naming the field. */
public final class RiskForms {

    private RiskForms() {}

    /** What a risk is, who owns it and how it is treated. */
    record Details(
            @Nullable String title,
            @Nullable String description,
            @Nullable BusinessUnitId businessUnit,
            @Nullable UserId owner,
            @Nullable String treatment,
            @Nullable LocalDate mitigationTargetAt) {}

    /** Likelihood and impact by the labels of the configured scales, and the residual ones, both or neither. */
    record Levels(
            @Nullable String likelihood,
            @Nullable String impact,
            @Nullable String residualLikelihood,
            @Nullable String residualImpact) {}

    /** A new risk: its details and its first assessment. */
    public record NewRisk(
            @Nullable String title,
            @Nullable String description,
            @Nullable BusinessUnitId businessUnit,
            @Nullable UserId owner,
            @Nullable String treatment,
            @Nullable LocalDate mitigationTargetAt,
            @Nullable String likelihood,
            @Nullable String impact,
            @Nullable String residualLikelihood,
            @Nullable String residualImpact) {

        Details details() {
            return new Details(title, description, businessUnit, owner, treatment, mitigationTargetAt);
        }

        Levels levels() {
            return new Levels(likelihood, impact, residualLikelihood, residualImpact);
        }
    }

    /** New details of a risk, from the version read. */
    record RiskRevision(
            @Nullable String title,
            @Nullable String description,
            @Nullable BusinessUnitId businessUnit,
            @Nullable UserId owner,
            @Nullable String treatment,
            @Nullable LocalDate mitigationTargetAt,
            long version) {

        Details details() {
            return new Details(title, description, businessUnit, owner, treatment, mitigationTargetAt);
        }
    }

    /** A new assessment of a risk, from the version read. */
    record RiskReassessment(
            @Nullable String likelihood,
            @Nullable String impact,
            @Nullable String residualLikelihood,
            @Nullable String residualImpact,
            long version) {

        Levels levels() {
            return new Levels(likelihood, impact, residualLikelihood, residualImpact);
        }
    }

    /** Closing a risk for a reason, from the version read. */
    record RiskClosing(@Nullable String reason, long version) {}

    /** A change of status that needs nothing but the version read. */
    record RiskStep(long version) {}
}
