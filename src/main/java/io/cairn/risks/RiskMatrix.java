package io.cairn.risks;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The lookup from a risk's likelihood and impact to its severity ({@code cairn.risks.*}): a table, not arithmetic,
 * so that an organisation sets its own. Levels are numbered from 1, the lowest; {@code cells.get(likelihood -
 * 1).get(impact - 1)} is the label of the severity. A matrix with an empty cell or a cell naming no severity is
 * refused when the server starts, naming the cell.
 *
 * @param likelihoods labels of the likelihood levels, lowest first
 * @param impacts labels of the impact levels, lowest first
 * @param severities labels of the severities, lowest first
 * @param cells one row per likelihood level, one severity label per impact level
 */
@ConfigurationProperties("cairn.risks")
record RiskMatrix(List<String> likelihoods, List<String> impacts, List<String> severities, List<List<String>> cells) {

    /** The default 5 x 5 matrix mapped to low, medium, high and critical. */
    static final RiskMatrix DEFAULT = new RiskMatrix(null, null, null, null);

    RiskMatrix(
            @Nullable List<String> likelihoods,
            @Nullable List<String> impacts,
            @Nullable List<String> severities,
            @Nullable List<List<String>> cells) {
        this.likelihoods = likelihoods == null
                ? List.of("rare", "unlikely", "possible", "likely", "almost-certain")
                : List.copyOf(likelihoods);
        this.impacts =
                impacts == null ? List.of("negligible", "minor", "moderate", "major", "severe") : List.copyOf(impacts);
        this.severities = severities == null ? List.of("low", "medium", "high", "critical") : List.copyOf(severities);
        this.cells = cells == null
                ? defaultCells()
                : cells.stream().map(RiskMatrix::row).toList();
        problem(this.likelihoods, this.impacts, this.severities, this.cells).ifPresent(problem -> {
            throw new IllegalArgumentException("cairn.risks." + problem);
        });
    }

    private static List<String> row(@Nullable List<String> row) {
        return row == null
                ? List.of()
                : row.stream().map(cell -> cell == null ? "" : cell).toList();
    }

    private static List<List<String>> defaultCells() {
        return List.of(
                List.of("low", "low", "low", "low", "medium"),
                List.of("low", "low", "medium", "medium", "high"),
                List.of("low", "medium", "medium", "high", "high"),
                List.of("low", "medium", "high", "high", "critical"),
                List.of("medium", "high", "high", "critical", "critical"));
    }

    /** The first problem of a matrix, naming the setting or the cell; empty when it is sound. */
    static Optional<String> problem(
            List<String> likelihoods, List<String> impacts, List<String> severities, List<List<String>> cells) {
        return labels("likelihoods", likelihoods)
                .or(() -> labels("impacts", impacts))
                .or(() -> labels("severities", severities))
                .or(() -> cells(cells, likelihoods.size(), impacts.size(), severities));
    }

    private static Optional<String> labels(String setting, List<String> labels) {
        if (labels.isEmpty() || labels.size() > 10) {
            return Optional.of(setting + ": must have 1 to 10 levels");
        }
        if (labels.stream().anyMatch(label -> label == null || !label.matches("[a-z][a-z0-9-]{0,39}"))) {
            return Optional.of(setting + ": each level is 1 to 40 lower-case letters, digits and dashes");
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            return Optional.of(setting + ": two levels have the same label");
        }
        return Optional.empty();
    }

    private static Optional<String> cells(List<List<String>> cells, int rows, int columns, List<String> severities) {
        if (cells.size() != rows) {
            return Optional.of("cells: must have one row per likelihood level, " + rows + ", not " + cells.size());
        }
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                String cell = column < cells.get(row).size() ? cells.get(row).get(column) : "";
                String name = "cells[" + row + "][" + column + "]";
                if (cell.isBlank()) {
                    return Optional.of(name + ": is empty; every likelihood and impact needs a severity");
                }
                if (!severities.contains(cell)) {
                    return Optional.of(name + ": '" + cell + "' is not one of the severities " + severities);
                }
            }
            if (cells.get(row).size() != columns) {
                return Optional.of("cells[" + row + "]: must have one cell per impact level, " + columns);
            }
        }
        return Optional.empty();
    }

    /** The severity of a likelihood and an impact level, both counted from 1. */
    String severityOf(int likelihood, int impact) {
        return cells.get(likelihood - 1).get(impact - 1);
    }

    /** The rank of a severity, from 1 for the lowest; 0 for a label that is none (a severity no longer configured). */
    int rankOf(String severity) {
        return severities.indexOf(severity) + 1;
    }

    Optional<Integer> likelihoodLevel(@Nullable String label) {
        return level(likelihoods, label);
    }

    Optional<Integer> impactLevel(@Nullable String label) {
        return level(impacts, label);
    }

    String likelihoodLabel(int level) {
        return label(likelihoods, level);
    }

    String impactLabel(int level) {
        return label(impacts, level);
    }

    private static Optional<Integer> level(List<String> labels, @Nullable String label) {
        int index = label == null ? -1 : labels.indexOf(label);
        return index < 0 ? Optional.empty() : Optional.of(index + 1);
    }

    /** The label of a stored level; a level beyond the configured scale is shown by its number. */
    private static String label(List<String> labels, int level) {
        return level >= 1 && level <= labels.size() ? labels.get(level - 1) : String.valueOf(level);
    }
}
