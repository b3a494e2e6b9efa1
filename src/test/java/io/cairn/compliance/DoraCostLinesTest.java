package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Refusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DORA's costs and losses by category on the classification worksheet (RTS 2024/1772, MET-2): the lines make the
 * economic impact when it is not given, an estimate when any line is one; a total given beside them must be their sum;
 * without lines, the economic impact is read as before.
 */
class DoraCostLinesTest {

    private final DoraClassificationRule dora = new DoraClassificationRule();

    private static Map<String, Object> exactly(Object value) {
        return Map.of("value", value, "estimate", false, "basis", "");
    }

    private static Map<String, Object> estimated(Object value, String basis) {
        return Map.of("value", value, "estimate", true, "basis", basis);
    }

    /** The inputs as the recording reads them: checked, then what the rule derives. */
    private DecisionInputs read(Map<String, Object> raw, List<Refusal.FieldProblem> problems) {
        return dora.derived(DecisionInputs.read(dora.inputs(), raw, problems), problems);
    }

    private static Map<String, Object> raw(Object... pairs) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            raw.put((String) pairs[i], pairs[i + 1]);
        }
        return raw;
    }

    @Test
    void theWorksheetHasALinePerCategoryOfTheRtsRightBeforeTheEconomicImpact() {
        List<String> names = dora.inputs().stream().map(DecisionInput::name).toList();
        int total = names.indexOf("economic-impact-eur");
        assertThat(names.subList(total - 8, total + 1))
                .containsExactly(
                        "cost-expropriated-funds-eur",
                        "cost-replacement-eur",
                        "cost-staff-eur",
                        "cost-contractual-fees-eur",
                        "cost-redress-eur",
                        "cost-forgone-revenue-eur",
                        "cost-communication-eur",
                        "cost-advisory-eur",
                        "economic-impact-eur");
        assertThat(dora.inputs())
                .filteredOn(input -> input.name().startsWith("cost-"))
                .allMatch(input -> input.type() == DecisionInput.Type.AMOUNT);
    }

    @Test
    void theLinesMakeTheEconomicImpactWhenItIsNotGiven() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        DecisionInputs inputs = read(
                raw(
                        "cost-staff-eur", exactly(40_000),
                        "cost-advisory-eur", exactly(60_000.25),
                        "cost-communication-eur", exactly(0)),
                problems);
        assertThat(problems).isEmpty();
        Amount total = inputs.amount("economic-impact-eur").orElseThrow();
        // 40,000 + 60,000.25 + 0
        assertThat(total.value()).isEqualByComparingTo("100000.25");
        assertThat(total.estimate()).isFalse();
        assertThat(total.basis()).isEqualTo("the sum of the cost lines by category");
        assertThat(inputs.asMap()).containsKeys("cost-staff-eur", "cost-advisory-eur", "economic-impact-eur");
    }

    @Test
    void aSumOfLinesOfWhichOneIsAnEstimateIsAnEstimateNamingThem() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        DecisionInputs inputs = read(
                raw(
                        "cost-redress-eur", estimated(150_000, "claims so far"),
                        "cost-staff-eur", exactly(50_000),
                        "cost-forgone-revenue-eur", estimated(20_000, "last year's March")),
                problems);
        assertThat(problems).isEmpty();
        Amount total = inputs.amount("economic-impact-eur").orElseThrow();
        assertThat(total.value()).isEqualByComparingTo("220000");
        assertThat(total.estimate()).isTrue();
        assertThat(total.basis())
                .isEqualTo(
                        "the sum of the cost lines by category; estimated: cost-redress-eur, cost-forgone-revenue-eur");
        assertThat(DecisionInputs.stored(dora.inputs(), inputs.asMap()).amount("economic-impact-eur"))
                .contains(total);
    }

    @Test
    void theSumOfTheLinesIsWhatTheEconomicThresholdWeighs() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        DecisionInputs inputs = read(
                raw(
                        "critical-services-affected",
                        true,
                        "media-coverage",
                        true,
                        "cost-expropriated-funds-eur",
                        exactly(60_000),
                        "cost-replacement-eur",
                        exactly(40_001)),
                problems);
        DecisionRule.Evaluation evaluation = dora.evaluate(inputs, DecisionContext.none());
        assertThat(evaluation.criteria())
                .filteredOn(criterion -> criterion.code().equals("dora.economic"))
                .singleElement()
                .extracting(Criterion::met)
                .isEqualTo(true);
        assertThat(evaluation.result()).contains("major");
    }

    @Test
    void aTotalThatIsNotTheSumOfTheLinesIsRefusedNamingBothAmounts() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        read(
                raw(
                        "cost-staff-eur", exactly(40_000),
                        "cost-redress-eur", exactly(10_000),
                        "economic-impact-eur", exactly(60_000)),
                problems);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("inputs.economic-impact-eur");
            assertThat(problem.code()).isEqualTo("compliance.costs-do-not-add-up");
            assertThat(problem.message()).contains("EUR 60000", "EUR 50000");
        });
    }

    @Test
    void linesThatAddUpToMoreThanAnInputHoldsAreRefused() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        read(
                raw(
                        "cost-staff-eur",
                        exactly(new BigDecimal("9e14")),
                        "cost-redress-eur",
                        exactly(new BigDecimal("2e14"))),
                problems);
        assertThat(problems)
                .extracting(Refusal.FieldProblem::field, Refusal.FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "inputs.economic-impact-eur", "compliance.costs-too-large"));
    }

    @Test
    void aTotalEqualToTheSumOfTheLinesStandsAsGiven() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        DecisionInputs inputs = read(
                raw(
                        "cost-staff-eur", exactly(40_000),
                        "cost-redress-eur", exactly(10_000.5),
                        "economic-impact-eur", estimated(new BigDecimal("50000.50"), "invoices")),
                problems);
        assertThat(problems).isEmpty();
        assertThat(inputs.amount("economic-impact-eur"))
                .contains(new Amount(new BigDecimal("50000.50"), true, "invoices"));
    }

    @Test
    void withoutLinesTheEconomicImpactIsReadAsBefore() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Map<String, Object> given = raw("economic-impact-eur", estimated(150_000, "invoices"));
        DecisionInputs inputs = read(given, problems);
        assertThat(problems).isEmpty();
        assertThat(inputs.asMap())
                .isEqualTo(DecisionInputs.read(dora.inputs(), given, problems).asMap());
        assertThat(inputs.amount("economic-impact-eur"))
                .contains(new Amount(BigDecimal.valueOf(150_000), true, "invoices"));
        assertThat(read(raw("critical-services-affected", true), problems).amount("economic-impact-eur"))
                .isEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void aReassessmentStartsFromTheLinesWithoutTheTotalTheyMade() {
        Map<String, Object> recorded =
                raw("cost-staff-eur", exactly(40_000), "economic-impact-eur", exactly(40_000), "media-coverage", true);
        assertThat(dora.editable(recorded)).containsOnlyKeys("cost-staff-eur", "media-coverage");
        Map<String, Object> totalOnly = raw("economic-impact-eur", exactly(40_000));
        assertThat(dora.editable(totalOnly)).isEqualTo(totalOnly);
    }
}
