package io.cairn.compliance;

import static io.cairn.compliance.DecisionInput.choice;

import io.cairn.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The GDPR risk assessment (EDPB Guidelines 9/2022, section IV): each of the EDPB's factors rated low, medium or high,
 * and a suggestion from them (any high: high risk; any medium: risk; else unlikely). With special-category or
 * criminal data, damage "should be considered likely": the suggestion is at least a risk, and choosing "unlikely"
 * needs an override reason.
 */
final class GdprRiskRule implements DecisionRule {

    /** The EDPB factors, as inputs. */
    static final List<String> FACTORS = List.of(
            "breach-type",
            "nature-sensitivity-volume",
            "ease-of-identification",
            "severity-of-consequences",
            "special-characteristics-of-individuals",
            "special-characteristics-of-controller",
            "number-of-individuals");

    private static final List<DecisionInput> INPUTS = FACTORS.stream()
            .map(factor -> choice(factor, "low", "medium", "high"))
            .toList();

    @Override
    public DecisionKind kind() {
        return DecisionKind.GDPR_RISK;
    }

    @Override
    public List<DecisionInput> inputs() {
        return INPUTS;
    }

    @Override
    public Evaluation evaluate(DecisionInputs in, DecisionContext context) {
        List<Criterion> criteria = new ArrayList<>();
        for (String factor : FACTORS) {
            String level = in.choice(factor).orElse("unrated");
            criteria.add(Criterion.of("gdpr.factor", "medium".equals(level) || "high".equals(level), factor, level));
        }
        criteria.add(Criterion.of("gdpr.special-or-criminal-data", context.specialOrCriminalData()));
        String suggestion = suggestion(in, context.specialOrCriminalData());
        criteria.add(Criterion.of("gdpr.suggested", !"unlikely".equals(suggestion), suggestion));
        return new Evaluation(criteria, Optional.of(suggestion));
    }

    /** What the factors suggest: any high gives high risk, any medium or special data a risk, otherwise unlikely. */
    static String suggestion(DecisionInputs in, boolean specialOrCriminalData) {
        List<String> levels =
                FACTORS.stream().map(in::choice).flatMap(Optional::stream).toList();
        if (levels.contains("high")) {
            return "high-risk";
        }
        return levels.contains("medium") || specialOrCriminalData ? "risk" : "unlikely";
    }

    @Override
    public List<Refusal.FieldProblem> problems(
            String result, @Nullable String overrideReason, DecisionInputs inputs, DecisionContext context) {
        if ("unlikely".equals(result)
                && context.specialOrCriminalData()
                && (overrideReason == null || overrideReason.isBlank())) {
            return List.of(Refusal.FieldProblem.of("overrideReason", ComplianceRefusals.UNLIKELY_NEEDS_OVERRIDE));
        }
        return List.of();
    }
}
