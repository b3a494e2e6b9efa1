package io.cairn.compliance;

import static io.cairn.compliance.DecisionInput.amount;
import static io.cairn.compliance.DecisionInput.choices;
import static io.cairn.compliance.DecisionInput.countries;
import static io.cairn.compliance.DecisionInput.flag;

import io.cairn.shared.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * DORA's classification worksheet (RTS 2024/1772): the materiality thresholds of Art. 9 evaluated on the inputs, and
 * whether the incident is major by Art. 8(1): it affected critical services, and either malicious unauthorised access
 * that may result in data losses (Art. 9(5)(b)) or two or more of the other thresholds. The economic impact is the sum
 * of the costs and losses by category ({@link CostLines}) where those are given.
 */
final class DoraClassificationRule implements DecisionRule {

    private static final BigDecimal TEN_PERCENT = BigDecimal.TEN;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final List<DecisionInput> INPUTS = Stream.of(
                    List.of(
                            flag("critical-services-affected"),
                            amount("clients-affected"),
                            amount("clients-total"),
                            amount("counterparts-affected-percent"),
                            amount("transactions-affected-percent"),
                            flag("relevant-clients-or-counterparts"),
                            flag("media-coverage"),
                            flag("repetitive-complaints"),
                            flag("regulatory-requirements-missed"),
                            flag("likely-loss-of-clients"),
                            amount("duration-hours"),
                            amount("critical-downtime-hours"),
                            countries("member-states"),
                            choices("data-losses", "availability", "authenticity", "integrity", "confidentiality"),
                            flag("malicious-access")),
                    CostLines.INPUTS.stream().map(DecisionInput::amount).toList(),
                    List.of(amount(CostLines.TOTAL)))
            .flatMap(List::stream)
            .toList();

    @Override
    public DecisionKind kind() {
        return DecisionKind.DORA_MAJOR;
    }

    @Override
    public List<DecisionInput> inputs() {
        return INPUTS;
    }

    /** The economic impact from the cost lines by category, when they are given and it is not (RTS 2024/1772). */
    @Override
    public DecisionInputs derived(DecisionInputs inputs, List<Refusal.FieldProblem> problems) {
        return CostLines.derived(inputs, problems);
    }

    @Override
    public Map<String, Object> editable(Map<String, Object> recorded) {
        return CostLines.editable(recorded);
    }

    @Override
    public Evaluation evaluate(DecisionInputs in, DecisionContext context) {
        boolean critical = in.flag("critical-services-affected");
        boolean malicious = in.flag("malicious-access");
        List<Criterion> thresholds = List.of(
                Criterion.of("dora.clients", clients(in)),
                Criterion.of("dora.reputational", reputational(in)),
                Criterion.of("dora.duration", duration(in)),
                Criterion.of("dora.geographical", in.choices("member-states").size() >= 2),
                Criterion.of("dora.data-losses", !in.choices("data-losses").isEmpty()),
                Criterion.of("dora.economic", above(in, CostLines.TOTAL, BigDecimal.valueOf(100_000))));
        long met = thresholds.stream().filter(Criterion::met).count();
        boolean major = critical && (malicious || met >= 2);
        List<Criterion> criteria = new java.util.ArrayList<>();
        criteria.add(Criterion.of("dora.critical-services", critical));
        criteria.add(Criterion.of("dora.malicious-access", malicious));
        criteria.addAll(thresholds);
        criteria.add(Criterion.of("dora.thresholds-met", met >= 2, Long.toString(met)));
        return new Evaluation(criteria, Optional.of(major ? "major" : "not-major"));
    }

    /**
     * Art. 9(1): more than 10 % of the clients or more than 100 000 of them, more than 30 % of the financial
     * counterparts, more than 10 % of the daily transactions (by number or value), or relevant clients or
     * counterparts.
     */
    static boolean clients(DecisionInputs in) {
        Optional<Amount> affected = in.amount("clients-affected");
        boolean share = affected.isPresent()
                && in.amount("clients-total")
                        .filter(total -> total.value().signum() > 0)
                        .map(total -> affected.get()
                                        .value()
                                        .multiply(HUNDRED)
                                        .divide(total.value(), 6, RoundingMode.HALF_UP)
                                        .compareTo(TEN_PERCENT)
                                > 0)
                        .orElse(false);
        return share
                || above(in, "clients-affected", BigDecimal.valueOf(100_000))
                || above(in, "counterparts-affected-percent", BigDecimal.valueOf(30))
                || above(in, "transactions-affected-percent", TEN_PERCENT)
                || in.flag("relevant-clients-or-counterparts");
    }

    /** Art. 9(2): media coverage, repetitive complaints, regulatory requirements not met, or likely loss of clients. */
    static boolean reputational(DecisionInputs in) {
        return in.flag("media-coverage")
                || in.flag("repetitive-complaints")
                || in.flag("regulatory-requirements-missed")
                || in.flag("likely-loss-of-clients");
    }

    /** Art. 9(3): longer than 24 hours, or more than 2 hours down for services of critical or important functions. */
    static boolean duration(DecisionInputs in) {
        return above(in, "duration-hours", BigDecimal.valueOf(24))
                || above(in, "critical-downtime-hours", BigDecimal.valueOf(2));
    }

    private static boolean above(DecisionInputs in, String name, BigDecimal threshold) {
        return in.amount(name).map(amount -> amount.above(threshold)).orElse(false);
    }
}
