package io.cairn.compliance;

import io.cairn.shared.Refusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DORA's costs and losses by the categories of RTS 2024/1772 (MET-2, DORA-1): each category a line of the worksheet,
 * and the economic impact their sum, recoveries not netted. Lines given without a total make the total; a total given
 * beside them must be their sum, so that everything that reads the economic impact reads the same amount.
 */
final class CostLines {

    /** The input of the economic impact as a whole, which the criterion, the metrics and the reports read. */
    static final String TOTAL = "economic-impact-eur";

    /**
     * The lines in the RTS's order: expropriated funds, replacement of hardware and software, staff, fees due to
     * non-compliance with contracts, customer redress and compensation, forgone revenue, communication, and legal and
     * consultancy advice.
     */
    static final List<String> INPUTS = List.of(
            "cost-expropriated-funds-eur",
            "cost-replacement-eur",
            "cost-staff-eur",
            "cost-contractual-fees-eur",
            "cost-redress-eur",
            "cost-forgone-revenue-eur",
            "cost-communication-eur",
            "cost-advisory-eur");

    /** The basis of a total the lines make. */
    static final String SUM_BASIS = "the sum of the cost lines by category";

    private CostLines() {}

    /**
     * The inputs with the total the lines make, when lines are given and the total is not; the same inputs otherwise,
     * and a problem of the total when it is given and is not the lines' sum, or when the sum is larger than an input
     * holds.
     */
    static DecisionInputs derived(DecisionInputs in, List<Refusal.FieldProblem> problems) {
        Optional<Amount> sum = sum(in);
        if (sum.isEmpty()) {
            return in;
        }
        if (sum.get().value().compareTo(DecisionInputs.MAX_AMOUNT) > 0) {
            problems.add(Refusal.FieldProblem.of(
                    "inputs." + TOTAL, ComplianceRefusals.COSTS_TOO_LARGE, plain(DecisionInputs.MAX_AMOUNT)));
            return in;
        }
        Optional<Amount> given = in.amount(TOTAL);
        if (given.isEmpty()) {
            return in.with(TOTAL, sum.get());
        }
        if (given.get().value().compareTo(sum.get().value()) != 0) {
            problems.add(Refusal.FieldProblem.of(
                    "inputs." + TOTAL,
                    ComplianceRefusals.COSTS_DO_NOT_ADD_UP,
                    plain(given.get().value()),
                    plain(sum.get().value())));
        }
        return in;
    }

    /**
     * The sum of the lines given, if any: an estimate when any line is one, its basis naming the lines estimated.
     */
    static Optional<Amount> sum(DecisionInputs in) {
        BigDecimal total = BigDecimal.ZERO;
        List<String> estimated = new ArrayList<>();
        boolean any = false;
        for (String line : INPUTS) {
            Optional<Amount> amount = in.amount(line);
            if (amount.isPresent()) {
                any = true;
                total = total.add(amount.get().value());
                if (amount.get().estimate()) {
                    estimated.add(line);
                }
            }
        }
        if (!any) {
            return Optional.empty();
        }
        String basis = estimated.isEmpty() ? SUM_BASIS : SUM_BASIS + "; estimated: " + String.join(", ", estimated);
        return Optional.of(new Amount(total, !estimated.isEmpty(), basis));
    }

    /** The recorded inputs without the total when lines made it (or equal it), so that a change of a line remakes it. */
    static Map<String, Object> editable(Map<String, Object> recorded) {
        if (INPUTS.stream().noneMatch(recorded::containsKey)) {
            return recorded;
        }
        Map<String, Object> editable = new LinkedHashMap<>(recorded);
        editable.remove(TOTAL);
        return editable;
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
