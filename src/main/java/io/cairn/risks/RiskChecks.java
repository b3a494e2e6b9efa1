package io.cairn.risks;

import io.cairn.identity.IdentityManagement;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks what is entered for a risk and turns it into the register's values, or refuses it naming the field: a
 * title, an owner and a business unit that exist, texts that are not too long, and levels of the configured scales.
 * A mitigation target date in the past is allowed: the risk is overdue at once.
 */
@Component
class RiskChecks {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 20_000;

    private final IdentityManagement identity;
    private final RiskMatrix matrix;

    RiskChecks(IdentityManagement identity, RiskMatrix matrix) {
        this.identity = identity;
        this.matrix = matrix;
    }

    /** A current and an optional residual assessment. */
    record Assessed(Assessment current, @Nullable Assessment residual) {}

    Outcome<RiskDetails> details(RiskForms.Details form) {
        String title = form.title() == null ? "" : form.title().strip();
        String description =
                form.description() == null ? "" : form.description().strip();
        String treatment = form.treatment() == null ? "" : form.treatment().strip();
        Optional<Refusal> problem = textProblem("title", title, MAX_TITLE)
                .or(() -> textProblem("description", description, MAX_TEXT))
                .or(() -> textProblem("treatment", treatment, MAX_TEXT))
                .or(() -> peopleProblem(form));
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        if (title.isEmpty()) {
            return Outcome.refused(Refusal.invalid("title", SharedRefusals.REQUIRED));
        }
        return Outcome.done(new RiskDetails(
                title,
                description,
                form.businessUnit(),
                java.util.Objects.requireNonNull(form.owner()),
                treatment,
                form.mitigationTargetAt()));
    }

    private static Optional<Refusal> textProblem(String field, String text, int limit) {
        return text.length() > limit
                ? Optional.of(Refusal.invalid(field, SharedRefusals.TOO_LONG, String.valueOf(limit)))
                : Optional.empty();
    }

    private Optional<Refusal> peopleProblem(RiskForms.Details form) {
        if (form.owner() == null) {
            return Optional.of(Refusal.invalid("owner", SharedRefusals.REQUIRED));
        }
        if (!identity.userExists(form.owner())) {
            return Optional.of(Refusal.invalid("owner", SharedRefusals.USER_DOES_NOT_EXIST, form.owner()));
        }
        if (form.businessUnit() != null && !identity.businessUnitExists(form.businessUnit())) {
            return Optional.of(
                    Refusal.invalid("businessUnit", SharedRefusals.BUSINESS_UNIT_DOES_NOT_EXIST, form.businessUnit()));
        }
        return Optional.empty();
    }

    /** The assessments of the levels entered, severities looked up in the matrix. */
    Outcome<Assessed> levels(RiskForms.Levels form) {
        Outcome<Integer> likelihood = likelihood("likelihood", form.likelihood());
        Outcome<Integer> impact = impact("impact", form.impact());
        Outcome<Assessment> current = likelihood.flatMap(l -> impact.map(i -> Assessment.of(l, i, matrix)));
        if (form.residualLikelihood() == null && form.residualImpact() == null) {
            return current.map(assessment -> new Assessed(assessment, null));
        }
        if (form.residualLikelihood() == null || form.residualImpact() == null) {
            String missing = form.residualLikelihood() == null ? "residualLikelihood" : "residualImpact";
            return Outcome.refused(Refusal.invalid(missing, RiskRefusals.RESIDUAL_PAIR));
        }
        Outcome<Integer> residualLikelihood = likelihood("residualLikelihood", form.residualLikelihood());
        Outcome<Integer> residualImpact = impact("residualImpact", form.residualImpact());
        return current.flatMap(assessment -> residualLikelihood.flatMap(
                l -> residualImpact.map(i -> new Assessed(assessment, Assessment.of(l, i, matrix)))));
    }

    private Outcome<Integer> likelihood(String field, @Nullable String label) {
        return level(field, label, matrix.likelihoodLevel(label), matrix.likelihoods());
    }

    private Outcome<Integer> impact(String field, @Nullable String label) {
        return level(field, label, matrix.impactLevel(label), matrix.impacts());
    }

    private static Outcome<Integer> level(
            String field, @Nullable String label, Optional<Integer> level, java.util.List<String> scale) {
        if (label == null) {
            return Outcome.refused(Refusal.invalid(field, SharedRefusals.REQUIRED));
        }
        return level.<Outcome<Integer>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(
                        Refusal.invalid(field, RiskRefusals.NOT_A_LEVEL, clip(label), scale.toString())));
    }

    /** A label as a refusal repeats it: not more than a line of it. */
    static String clip(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
