package io.cairn.compliance;

import io.cairn.shared.Refusal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rules of one kind of decision: its inputs, the criteria it evaluates from them, and the result they compute (or,
 * where the decider chooses, suggest). Pure: the same inputs and context give the same evaluation.
 */
interface DecisionRule {

    /** The evaluated criteria and the result they give: the result of a computed kind, the suggestion of another. */
    record Evaluation(List<Criterion> criteria, Optional<String> result) {

        public Evaluation {
            criteria = List.copyOf(criteria);
        }
    }

    DecisionKind kind();

    /** The inputs the decision takes. */
    List<DecisionInput> inputs();

    /** The criteria evaluated on the inputs, and the result. */
    Evaluation evaluate(DecisionInputs inputs, DecisionContext context);

    /**
     * The inputs with what the rule derives from them (such as a total from its lines); a problem by field where a
     * given value disagrees with what they derive. The same inputs for most.
     */
    default DecisionInputs derived(DecisionInputs inputs, List<Refusal.FieldProblem> problems) {
        return inputs;
    }

    /**
     * The recorded inputs as a re-assessment starts from them: without what the rule derived, so that it derives them
     * again from the inputs as they are changed. The recorded inputs for most.
     */
    default Map<String, Object> editable(Map<String, Object> recorded) {
        return recorded;
    }

    /** What is wrong with deciding the result on these inputs, by field; none for most. */
    default List<Refusal.FieldProblem> problems(
            String result, @Nullable String overrideReason, DecisionInputs inputs, DecisionContext context) {
        return List.of();
    }

    /** The rule of the kind. */
    static DecisionRule of(DecisionKind kind) {
        return switch (kind) {
            case PERSONAL_DATA_BREACH -> new PersonalDataBreachRule();
            case GDPR_RISK -> new GdprRiskRule();
            case GDPR_COMMUNICATION_EXEMPTION -> new CommunicationExemptionRule();
            case NIS2_SIGNIFICANT -> new Nis2SignificanceRule();
            case DORA_MAJOR -> new DoraClassificationRule();
            case SEC_MATERIAL -> new SecMaterialityRule();
            case HIPAA_BREACH -> new HipaaBreachRule();
        };
    }
}
