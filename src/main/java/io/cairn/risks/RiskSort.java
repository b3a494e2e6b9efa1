package io.cairn.risks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders a list of risks comes in, by the name the API takes ({@code target}, or {@code -target} for the
 * reverse); ties are broken by creation and id, so that pages do not overlap.
 */
enum RiskSort {
    TARGET("target", "mitigation_target_at"),
    SEVERITY("severity", "severity_rank"),
    CREATED("created", "created_at"),
    TITLE("title", "lower(title)");

    private final String code;
    private final String column;

    RiskSort(String code, String column) {
        this.code = code;
        this.column = column;
    }

    /** The order this name asks for, read as descending when it starts with a dash; empty for an unknown name. */
    static Optional<Sorting> of(String text) {
        boolean descending = text.startsWith("-");
        String code = descending ? text.substring(1) : text;
        return Arrays.stream(values())
                .filter(sort -> sort.code.equals(code))
                .findFirst()
                .map(sort -> new Sorting(sort, descending));
    }

    static String codes() {
        return Arrays.stream(values()).map(sort -> sort.code).toList().toString();
    }

    /** An order and its direction. */
    record Sorting(RiskSort sort, boolean descending) {

        /** The SQL of the order, nulls last either way; it names only fixed columns. */
        String sql() {
            String direction = descending ? " desc" : "";
            return sort.column + direction + " nulls last, created_at" + direction + ", id";
        }
    }
}
