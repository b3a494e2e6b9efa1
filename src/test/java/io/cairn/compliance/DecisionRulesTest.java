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
 * The rules of the decision records: DORA's Art. 8(1) on the worksheet (the three tests of DORA-1), NIS2's Art. 3
 * financial-loss threshold, the GDPR risk suggestion and its override, HIPAA's presumption of breach, and the reading
 * of inputs that names each one at fault.
 */
class DecisionRulesTest {

    private final DoraClassificationRule dora = new DoraClassificationRule();
    private final Nis2SignificanceRule nis2 = new Nis2SignificanceRule();
    private final GdprRiskRule gdpr = new GdprRiskRule();
    private final HipaaBreachRule hipaa = new HipaaBreachRule();

    static DecisionInputs inputs(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return DecisionInputs.of(map);
    }

    private String doraResult(DecisionInputs inputs) {
        return dora.evaluate(inputs, DecisionContext.none()).result().orElseThrow();
    }

    @Test
    void aCriticalServiceDownThreeHoursInTwoMemberStatesIsMajor() {
        assertThat(doraResult(inputs(
                        "critical-services-affected", true,
                        "critical-downtime-hours", Amount.exactly(3),
                        "member-states", List.of("NL", "BE"))))
                .isEqualTo("major");
    }

    @Test
    void aCriticalServiceWithOnlyAnEconomicImpactOf150000IsNotMajor() {
        DecisionRule.Evaluation evaluation = dora.evaluate(
                inputs("critical-services-affected", true, "economic-impact-eur", Amount.exactly(150_000)),
                DecisionContext.none());
        assertThat(evaluation.result()).contains("not-major");
        assertThat(evaluation.criteria())
                .filteredOn(criterion -> criterion.code().equals("dora.economic"))
                .singleElement()
                .extracting(Criterion::met)
                .isEqualTo(true);
    }

    @Test
    void aCriticalServiceWithMaliciousAccessThatMayLoseDataIsMajorOnThatAlone() {
        assertThat(doraResult(inputs("critical-services-affected", true, "malicious-access", true)))
                .isEqualTo("major");
    }

    @Test
    void withoutACriticalServiceNothingIsMajor() {
        assertThat(doraResult(inputs(
                        "malicious-access",
                        true,
                        "critical-downtime-hours",
                        Amount.exactly(30),
                        "member-states",
                        List.of("NL", "BE", "DE"),
                        "media-coverage",
                        true)))
                .isEqualTo("not-major");
    }

    @Test
    void moreThanTenPercentOfTheClientsMeetsTheClientThreshold() {
        DecisionInputs share = inputs("clients-affected", Amount.exactly(11), "clients-total", Amount.exactly(100));
        DecisionInputs exactlyTen =
                inputs("clients-affected", Amount.exactly(10), "clients-total", Amount.exactly(100));
        assertThat(DoraClassificationRule.clients(share)).isTrue();
        assertThat(DoraClassificationRule.clients(exactlyTen)).isFalse();
        assertThat(DoraClassificationRule.clients(inputs("clients-affected", Amount.exactly(100_001))))
                .isTrue();
    }

    @Test
    void nis2sFinancialLossThresholdIsTheLowerOf500000AndFivePercentOfTheTurnover() {
        assertThat(Nis2SignificanceRule.lossThreshold(2_000_000L)).isEqualByComparingTo("100000");
        assertThat(Nis2SignificanceRule.lossThreshold(50_000_000L)).isEqualByComparingTo("500000");
        assertThat(Nis2SignificanceRule.lossThreshold(null)).isEqualByComparingTo("500000");
        DecisionContext small = new DecisionContext(false, 2_000_000L, null, null, null, false);
        DecisionInputs loss = inputs("direct-loss-eur", Amount.exactly(150_000));
        assertThat(nis2.evaluate(loss, small).result()).contains("significant");
        assertThat(nis2.evaluate(loss, DecisionContext.none()).result()).contains("not-significant");
    }

    @Test
    void eitherTestOfArticle23Paragraph3MakesAnIncidentSignificant() {
        assertThat(nis2.evaluate(inputs("damage-to-others", true), DecisionContext.none())
                        .result())
                .contains("significant");
        assertThat(nis2.evaluate(inputs(), DecisionContext.none()).result()).contains("not-significant");
    }

    @Test
    void theGdprFactorsSuggestTheHighestRiskTheyRate() {
        assertThat(GdprRiskRule.suggestion(inputs("breach-type", "low", "ease-of-identification", "high"), false))
                .isEqualTo("high-risk");
        assertThat(GdprRiskRule.suggestion(inputs("breach-type", "medium"), false))
                .isEqualTo("risk");
        assertThat(GdprRiskRule.suggestion(inputs("breach-type", "low"), false)).isEqualTo("unlikely");
        assertThat(GdprRiskRule.suggestion(inputs("breach-type", "low"), true)).isEqualTo("risk");
    }

    @Test
    void choosingUnlikelyWithSpecialCategoryDataNeedsAnOverrideReason() {
        DecisionContext special = new DecisionContext(true, null, null, null, null, false);
        assertThat(gdpr.problems("unlikely", null, inputs(), special))
                .extracting(Refusal.FieldProblem::field)
                .containsExactly("overrideReason");
        assertThat(gdpr.problems("unlikely", "encrypted at rest, key safe", inputs(), special))
                .isEmpty();
        assertThat(gdpr.problems("unlikely", null, inputs(), DecisionContext.none()))
                .isEmpty();
        assertThat(gdpr.problems("risk", null, inputs(), special)).isEmpty();
    }

    @Test
    void anExemptionFromTellingThePeopleNeedsAHighRiskItsEvidenceAndPeopleNotYetTold() {
        CommunicationExemptionRule exemption = new CommunicationExemptionRule();
        DecisionContext highRisk = new DecisionContext(false, null, null, null, "high-risk", false);
        assertThat(exemption.problems("none", null, inputs(), DecisionContext.none()))
                .isEmpty();
        assertThat(exemption.problems("data-unintelligible", null, inputs(), highRisk))
                .extracting(Refusal.FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "inputs.protection-measures", "inputs.evidence", "inputs.key-not-compromised");
        DecisionInputs encrypted = inputs(
                "protection-measures", "AES-256 full-disk encryption",
                "key-not-compromised", true,
                "evidence", "Key escrow log, ticket SEC-12");
        assertThat(exemption.problems("data-unintelligible", null, encrypted, highRisk))
                .isEmpty();
        assertThat(exemption.problems(
                        "data-unintelligible",
                        null,
                        encrypted,
                        new DecisionContext(false, null, null, null, "risk", false)))
                .extracting(Refusal.FieldProblem::field)
                .containsExactly("result");
        assertThat(exemption.problems(
                        "data-unintelligible",
                        null,
                        encrypted,
                        new DecisionContext(false, null, null, null, "high-risk", true)))
                .extracting(Refusal.FieldProblem::field)
                .containsExactly("result");
        assertThat(exemption.problems("disproportionate-effort", null, inputs("evidence", "cost estimate"), highRisk))
                .extracting(Refusal.FieldProblem::field)
                .containsExactlyInAnyOrder("inputs.disproportionate-effort", "inputs.public-communication");
        assertThat(exemption.evaluate(encrypted, highRisk).criteria())
                .filteredOn(Criterion::met)
                .extracting(Criterion::code)
                .containsExactly("gdpr.exemption.high-risk", "gdpr.exemption.data-unintelligible");
    }

    @Test
    void hipaaPresumesABreachUnlessAllFourFactorsAreDocumentedAndTheRiskIsLow() {
        assertThat(HipaaBreachRule.result(inputs("low-probability", true))).isEqualTo("breach");
        DecisionInputs documented = inputs(
                "nature-and-extent", "names only",
                "unauthorised-person", "another hospital",
                "acquired-or-viewed", "returned unopened",
                "mitigation", "assurance of destruction",
                "low-probability", true);
        assertThat(HipaaBreachRule.result(documented)).isEqualTo("low-probability");
        assertThat(HipaaBreachRule.result(inputs("secured-phi", true, "secured-phi-evidence", "AES-256, key in HSM")))
                .isEqualTo("secured-phi");
        assertThat(hipaa.problems("breach", null, inputs("secured-phi", true, "low-probability", true), null))
                .extracting(Refusal.FieldProblem::field)
                .containsExactly(
                        "inputs.secured-phi-evidence",
                        "inputs.nature-and-extent",
                        "inputs.unauthorised-person",
                        "inputs.acquired-or-viewed",
                        "inputs.mitigation");
    }

    @Test
    void inputsOfAWrongTypeAreNamedAndUnknownInputsRefused() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("critical-services-affected", "yes");
        raw.put("member-states", List.of("NL", "XX"));
        raw.put("economic-impact-eur", Map.of("value", 5, "estimate", true, "basis", " "));
        raw.put("duration-hours", Map.of("value", -1));
        raw.put("colour", "blue");
        DecisionInputs.read(dora.inputs(), raw, problems);
        assertThat(problems)
                .extracting(Refusal.FieldProblem::field)
                .containsExactly(
                        "inputs.critical-services-affected",
                        "inputs.duration-hours",
                        "inputs.member-states",
                        "inputs.economic-impact-eur.basis",
                        "inputs");
    }

    @Test
    void anEstimateKeepsItsBasis() {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        DecisionInputs read = DecisionInputs.read(
                dora.inputs(),
                Map.of("economic-impact-eur", Map.of("value", 120_000.5, "estimate", true, "basis", "last year")),
                problems);
        assertThat(problems).isEmpty();
        Amount amount = read.amount("economic-impact-eur").orElseThrow();
        assertThat(amount.value()).isEqualByComparingTo(new BigDecimal("120000.5"));
        assertThat(amount.estimate()).isTrue();
        assertThat(amount.basis()).isEqualTo("last year");
        assertThat(DecisionInputs.stored(dora.inputs(), read.asMap()).amount("economic-impact-eur"))
                .contains(amount);
    }
}
