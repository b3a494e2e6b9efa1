package io.cairn.compliance;

import static io.cairn.compliance.DecisionInput.choices;
import static io.cairn.compliance.DecisionInput.count;
import static io.cairn.compliance.DecisionInput.flag;
import static io.cairn.compliance.DecisionInput.text;

import java.util.List;
import java.util.Optional;

/**
 * Is this a personal-data breach (GDPR-1): the decider answers yes, no or unknown, recording the breach types
 * (confidentiality, integrity, availability), the data and subject categories with the special-category, criminal and
 * children-or-vulnerable flags, and the approximate counts.
 */
final class PersonalDataBreachRule implements DecisionRule {

    private static final List<DecisionInput> INPUTS = List.of(
            choices("breach-types", "confidentiality", "integrity", "availability"),
            text("data-categories"),
            flag("special-category-data"),
            flag("criminal-data"),
            count("approximate-subjects"),
            count("approximate-records"),
            text("subject-categories"),
            flag("children-or-vulnerable"));

    @Override
    public DecisionKind kind() {
        return DecisionKind.PERSONAL_DATA_BREACH;
    }

    @Override
    public List<DecisionInput> inputs() {
        return INPUTS;
    }

    @Override
    public Evaluation evaluate(DecisionInputs in, DecisionContext context) {
        List<String> types = in.choices("breach-types");
        List<Criterion> criteria = List.of(
                Criterion.of("pdb.breach-types", !types.isEmpty()),
                Criterion.of("pdb.special-or-criminal", specialOrCriminal(in)),
                Criterion.of("pdb.children-or-vulnerable", in.flag("children-or-vulnerable")),
                Criterion.of(
                        "pdb.counts",
                        in.count("approximate-subjects").isPresent(),
                        in.count("approximate-subjects").map(Object::toString).orElse("?"),
                        in.count("approximate-records").map(Object::toString).orElse("?")));
        return new Evaluation(criteria, Optional.empty());
    }

    /** Whether the breach involves special-category (Art. 9) or criminal (Art. 10) data. */
    static boolean specialOrCriminal(DecisionInputs in) {
        return in.flag("special-category-data") || in.flag("criminal-data");
    }
}
