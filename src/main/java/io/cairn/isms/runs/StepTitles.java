package io.cairn.isms.runs;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The titles of steps as a refusal names them ("Approve, Revoke the badge"): kept as titles, so that the entry point
 * can name shipped steps in the reader's language.
 */
record StepTitles(List<String> titles) {

    StepTitles {
        titles = List.copyOf(titles);
    }

    /** The titles as a reader sees them. */
    StepTitles shown(UnaryOperator<String> shown) {
        return new StepTitles(titles.stream().map(shown).toList());
    }

    @Override
    public String toString() {
        return String.join(", ", titles);
    }
}
