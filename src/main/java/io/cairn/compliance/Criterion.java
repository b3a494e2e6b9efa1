package io.cairn.compliance;

import java.util.List;

/**
 * One criterion a decision evaluated, and whether it was met: a DORA threshold, an Art. 23(3) test, the EDPB factor
 * that suggested the risk. The page shows it by the message {@code compliance.criterion.<code>} with the arguments.
 */
public record Criterion(String code, boolean met, List<String> arguments) {

    public Criterion {
        arguments = List.copyOf(arguments);
        if (arguments.size() > 3) {
            throw new IllegalArgumentException("a criterion's text takes at most three arguments");
        }
    }

    static Criterion of(String code, boolean met, String... arguments) {
        return new Criterion(code, met, List.of(arguments));
    }
}
