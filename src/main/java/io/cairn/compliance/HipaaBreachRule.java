package io.cairn.compliance;

import static io.cairn.compliance.DecisionInput.count;
import static io.cairn.compliance.DecisionInput.flag;
import static io.cairn.compliance.DecisionInput.text;

import io.cairn.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * HIPAA's four-factor risk assessment (45 CFR 164.402, OTH-3) with its presumption: an impermissible use or disclosure
 * is a breach unless all four factors are documented and the decider finds a low probability of compromise, or the PHI
 * was secured (encrypted), which needs evidence.
 */
final class HipaaBreachRule implements DecisionRule {

    /** The four factors, as inputs. */
    static final List<String> FACTORS =
            List.of("nature-and-extent", "unauthorised-person", "acquired-or-viewed", "mitigation");

    private static final List<DecisionInput> INPUTS = List.of(
            text("nature-and-extent"),
            text("unauthorised-person"),
            text("acquired-or-viewed"),
            text("mitigation"),
            flag("low-probability"),
            flag("secured-phi"),
            text("secured-phi-evidence"),
            count("individuals-affected"),
            count("largest-state-residents"));

    @Override
    public DecisionKind kind() {
        return DecisionKind.HIPAA_BREACH;
    }

    @Override
    public List<DecisionInput> inputs() {
        return INPUTS;
    }

    @Override
    public Evaluation evaluate(DecisionInputs in, DecisionContext context) {
        List<Criterion> criteria = new ArrayList<>();
        FACTORS.forEach(factor ->
                criteria.add(Criterion.of("hipaa.factor", !in.text(factor).isEmpty(), factor)));
        criteria.add(Criterion.of("hipaa.low-probability", in.flag("low-probability")));
        criteria.add(Criterion.of("hipaa.secured-phi", securedWithEvidence(in)));
        return new Evaluation(criteria, Optional.of(result(in)));
    }

    /** Breach, unless the PHI was secured (with evidence) or all four factors are documented and the risk is low. */
    static String result(DecisionInputs in) {
        if (securedWithEvidence(in)) {
            return "secured-phi";
        }
        boolean documented =
                FACTORS.stream().noneMatch(factor -> in.text(factor).isEmpty());
        return documented && in.flag("low-probability") ? "low-probability" : "breach";
    }

    private static boolean securedWithEvidence(DecisionInputs in) {
        return in.flag("secured-phi") && !in.text("secured-phi-evidence").isEmpty();
    }

    @Override
    public List<Refusal.FieldProblem> problems(
            String result, @Nullable String overrideReason, DecisionInputs in, DecisionContext context) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        if (in.flag("secured-phi") && in.text("secured-phi-evidence").isEmpty()) {
            problems.add(DecisionInputs.required("secured-phi-evidence"));
        }
        if (in.flag("low-probability")) {
            FACTORS.stream()
                    .filter(factor -> in.text(factor).isEmpty())
                    .forEach(factor -> problems.add(DecisionInputs.required(factor)));
        }
        return problems;
    }
}
