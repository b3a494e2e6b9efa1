package io.cairn.compliance;

import static io.cairn.compliance.DecisionInput.amount;
import static io.cairn.compliance.DecisionInput.flag;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * NIS2's significance test: Art. 23(3)(a) and (b) of the Directive (caused or capable of causing), and the criteria of
 * Art. 3 of Implementing Regulation 2024/2690, among them a direct financial loss above EUR 500 000 or 5 % of the
 * previous year's turnover, whichever is lower. Any one met makes the incident significant.
 */
final class Nis2SignificanceRule implements DecisionRule {

    private static final BigDecimal CEILING = BigDecimal.valueOf(500_000);

    private static final List<DecisionInput> INPUTS = List.of(
            flag("operational-disruption"),
            flag("financial-loss"),
            flag("damage-to-others"),
            amount("direct-loss-eur"),
            flag("trade-secrets-exfiltrated"),
            flag("death"),
            flag("health-damage"),
            flag("malicious-access-severe-disruption"));

    @Override
    public DecisionKind kind() {
        return DecisionKind.NIS2_SIGNIFICANT;
    }

    @Override
    public List<DecisionInput> inputs() {
        return INPUTS;
    }

    @Override
    public Evaluation evaluate(DecisionInputs in, DecisionContext context) {
        BigDecimal threshold = lossThreshold(context.annualTurnoverEur());
        Optional<Amount> loss = in.amount("direct-loss-eur");
        List<Criterion> criteria = List.of(
                Criterion.of("nis2.art-23-3-a", in.flag("operational-disruption") || in.flag("financial-loss")),
                Criterion.of("nis2.art-23-3-b", in.flag("damage-to-others")),
                Criterion.of(
                        "nis2.financial-loss",
                        loss.map(amount -> amount.above(threshold)).orElse(false),
                        loss.map(amount -> amount.value().toPlainString()).orElse("?"),
                        threshold.toPlainString(),
                        context.annualTurnoverEur() == null
                                ? "unknown"
                                : context.annualTurnoverEur().toString()),
                Criterion.of(
                        "nis2.art-3-other",
                        in.flag("trade-secrets-exfiltrated")
                                || in.flag("death")
                                || in.flag("health-damage")
                                || in.flag("malicious-access-severe-disruption")));
        boolean significant = criteria.stream().anyMatch(Criterion::met);
        return new Evaluation(criteria, Optional.of(significant ? "significant" : "not-significant"));
    }

    /** The financial-loss threshold: min(500 000, 5 % of the turnover); 500 000 when the turnover is not known. */
    static BigDecimal lossThreshold(@Nullable Long annualTurnoverEur) {
        if (annualTurnoverEur == null) {
            return CEILING;
        }
        BigDecimal share = BigDecimal.valueOf(annualTurnoverEur)
                .multiply(BigDecimal.valueOf(5))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return share.min(CEILING);
    }
}
