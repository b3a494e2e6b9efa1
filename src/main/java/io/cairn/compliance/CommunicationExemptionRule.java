package io.cairn.compliance;

import static io.cairn.compliance.DecisionInput.flag;
import static io.cairn.compliance.DecisionInput.text;

import io.cairn.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The exemptions of GDPR Art. 34(3) from telling the people of a high-risk breach (GDPR-5), each a decision with its
 * evidence: (a) the data was unintelligible to anyone not authorised (the protection, such as encryption, and that its
 * key was not compromised), (b) later measures mean the high risk is no longer likely (which), or (c) telling each
 * person would take a disproportionate effort (why, and the public communication that takes its place). Any exemption
 * names where its evidence is kept, applies only to a breach assessed as a high risk, and only before the people were
 * told.
 */
final class CommunicationExemptionRule implements DecisionRule {

    /** What each exemption needs documented, by its result. */
    static final Map<String, List<String>> EVIDENCE = Map.of(
            "data-unintelligible", List.of("protection-measures", "evidence"),
            "risk-no-longer-likely", List.of("later-measures", "evidence"),
            "disproportionate-effort", List.of("disproportionate-effort", "public-communication", "evidence"));

    private static final List<DecisionInput> INPUTS = List.of(
            text("protection-measures"),
            flag("key-not-compromised"),
            text("later-measures"),
            text("disproportionate-effort"),
            text("public-communication"),
            text("evidence"));

    @Override
    public DecisionKind kind() {
        return DecisionKind.GDPR_COMMUNICATION_EXEMPTION;
    }

    @Override
    public List<DecisionInput> inputs() {
        return INPUTS;
    }

    @Override
    public Evaluation evaluate(DecisionInputs in, DecisionContext context) {
        List<Criterion> criteria = new ArrayList<>();
        criteria.add(Criterion.of("gdpr.exemption.high-risk", "high-risk".equals(context.gdprRisk())));
        EVIDENCE.keySet().stream()
                .sorted()
                .forEach(ground -> criteria.add(Criterion.of("gdpr.exemption." + ground, documented(ground, in))));
        criteria.add(Criterion.of("gdpr.exemption.subjects-told", context.subjectsTold()));
        return new Evaluation(criteria, Optional.empty());
    }

    @Override
    public List<Refusal.FieldProblem> problems(
            String result, @Nullable String overrideReason, DecisionInputs in, DecisionContext context) {
        if (result.equals("none")) {
            return List.of();
        }
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        if (!"high-risk".equals(context.gdprRisk())) {
            problems.add(Refusal.FieldProblem.of("result", ComplianceRefusals.EXEMPTION_WITHOUT_HIGH_RISK));
        } else if (context.subjectsTold()) {
            problems.add(Refusal.FieldProblem.of("result", ComplianceRefusals.EXEMPTION_AFTER_TELLING));
        }
        EVIDENCE.getOrDefault(result, List.of()).stream()
                .filter(input -> in.text(input).isEmpty())
                .forEach(input -> problems.add(DecisionInputs.required(input)));
        if (result.equals("data-unintelligible") && !in.flag("key-not-compromised")) {
            problems.add(Refusal.FieldProblem.of(
                    "inputs.key-not-compromised", ComplianceRefusals.EXEMPTION_KEY_UNCONFIRMED));
        }
        return problems;
    }

    /** Whether the ground of the exemption has everything it needs documented. */
    private static boolean documented(String ground, DecisionInputs in) {
        boolean written = EVIDENCE.getOrDefault(ground, List.of()).stream()
                .noneMatch(input -> in.text(input).isEmpty());
        return written && (!ground.equals("data-unintelligible") || in.flag("key-not-compromised"));
    }
}
