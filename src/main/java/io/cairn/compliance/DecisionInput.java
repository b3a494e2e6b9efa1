package io.cairn.compliance;

import java.util.List;

/**
 * One input of a decision record, as its form and API name it.
 *
 * @param choices the values of a choice or a set of choices; empty for other types
 */
public record DecisionInput(String name, Type type, List<String> choices) {

    /** What an input holds. */
    public enum Type {
        /** Yes or no; no when absent. */
        FLAG,
        /** A whole number of 0 or more; unknown when absent. */
        COUNT,
        /** A number of 0 or more that may be an estimate, which then names its basis (DORA-2); unknown when absent. */
        AMOUNT,
        /** One of the choices; none when absent. */
        CHOICE,
        /** Any of the choices. */
        CHOICES,
        /** Free text of at most 2,000 characters. */
        TEXT,
        /** ISO 3166 country codes (Member States). */
        COUNTRIES
    }

    public DecisionInput {
        choices = List.copyOf(choices);
    }

    static DecisionInput flag(String name) {
        return new DecisionInput(name, Type.FLAG, List.of());
    }

    static DecisionInput count(String name) {
        return new DecisionInput(name, Type.COUNT, List.of());
    }

    static DecisionInput amount(String name) {
        return new DecisionInput(name, Type.AMOUNT, List.of());
    }

    static DecisionInput text(String name) {
        return new DecisionInput(name, Type.TEXT, List.of());
    }

    static DecisionInput choice(String name, String... choices) {
        return new DecisionInput(name, Type.CHOICE, List.of(choices));
    }

    static DecisionInput choices(String name, String... choices) {
        return new DecisionInput(name, Type.CHOICES, List.of(choices));
    }

    static DecisionInput countries(String name) {
        return new DecisionInput(name, Type.COUNTRIES, List.of());
    }
}
