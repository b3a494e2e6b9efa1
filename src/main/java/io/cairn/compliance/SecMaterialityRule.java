package io.cairn.compliance;

import static io.cairn.compliance.DecisionInput.text;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The SEC materiality determination (Form 8-K Item 1.05, OTH-1): the quantitative and qualitative factors weighed, and
 * the lead time from discovery to determination, so that an "unreasonable delay" can be reviewed.
 */
final class SecMaterialityRule implements DecisionRule {

    private static final List<DecisionInput> INPUTS =
            List.of(text("quantitative-factors"), text("qualitative-factors"));

    @Override
    public DecisionKind kind() {
        return DecisionKind.SEC_MATERIAL;
    }

    @Override
    public List<DecisionInput> inputs() {
        return INPUTS;
    }

    @Override
    public Evaluation evaluate(DecisionInputs in, DecisionContext context) {
        boolean known = context.discoveredAt() != null && context.materialityDeterminedAt() != null;
        String hours = known
                ? Long.toString(Duration.between(context.discoveredAt(), context.materialityDeterminedAt())
                        .toHours())
                : "?";
        return new Evaluation(
                List.of(
                        Criterion.of(
                                "sec.quantitative",
                                !in.text("quantitative-factors").isEmpty()),
                        Criterion.of(
                                "sec.qualitative",
                                !in.text("qualitative-factors").isEmpty()),
                        Criterion.of("sec.lead-time", known, hours)),
                Optional.empty());
    }
}
