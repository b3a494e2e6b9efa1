package io.cairn.incidents;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lookup from impact and urgency to priority: an N x M table, not arithmetic (ITIL practice).
 *
 * <p>Levels are numbered from 1, the highest; {@code cells.get(impact - 1).get(urgency - 1)} is the priority level.
 *
 * @param impacts labels of the impact levels, highest first
 * @param urgencies labels of the urgency levels, highest first
 * @param priorities labels of the priorities, highest first (P1 ...)
 * @param cells one row per impact level, one priority level per urgency level
 * @param version the stored version, for optimistic locking
 */
public record PriorityMatrix(
        List<String> impacts,
        List<String> urgencies,
        List<String> priorities,
        List<List<Integer>> cells,
        long version) {

    public PriorityMatrix {
        impacts = List.copyOf(impacts);
        urgencies = List.copyOf(urgencies);
        priorities = List.copyOf(priorities);
        cells = cells.stream().map(List::copyOf).toList();
        if (check(impacts, urgencies, priorities, cells).isPresent()) {
            throw new IllegalArgumentException("invalid priority matrix: "
                    + check(impacts, urgencies, priorities, cells).get().message());
        }
    }

    /** A matrix from what a user entered, or the first problem with it, naming the field. */
    public static Outcome<PriorityMatrix> of(
            @Nullable List<String> impacts,
            @Nullable List<String> urgencies,
            @Nullable List<String> priorities,
            @Nullable List<List<Integer>> cells,
            long version) {
        if (impacts == null || urgencies == null || priorities == null || cells == null) {
            String missing = impacts == null
                    ? "impacts"
                    : urgencies == null ? "urgencies" : priorities == null ? "priorities" : "cells";
            return Outcome.refused(Refusal.invalid(missing, SharedRefusals.REQUIRED));
        }
        Optional<Refusal> problem = check(impacts, urgencies, priorities, cells);
        return problem.<Outcome<PriorityMatrix>>map(Outcome::refused)
                .orElseGet(() -> Outcome.done(new PriorityMatrix(impacts, urgencies, priorities, cells, version)));
    }

    private static Optional<Refusal> check(
            List<String> impacts, List<String> urgencies, List<String> priorities, List<List<Integer>> cells) {
        return labels("impacts", impacts)
                .or(() -> labels("urgencies", urgencies))
                .or(() -> labels("priorities", priorities))
                .or(() -> cells(cells, impacts.size(), urgencies.size(), priorities.size()));
    }

    private static Optional<Refusal> labels(String field, List<String> labels) {
        if (labels.isEmpty() || labels.size() > 10) {
            return Optional.of(Refusal.invalid(field, IncidentRefusals.LEVEL_COUNT));
        }
        if (labels.stream().anyMatch(label -> label == null || label.isBlank() || label.length() > 40)) {
            return Optional.of(Refusal.invalid(field, IncidentRefusals.LEVEL_LABEL));
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            return Optional.of(Refusal.invalid(field, IncidentRefusals.SAME_LABELS));
        }
        return Optional.empty();
    }

    private static Optional<Refusal> cells(List<List<Integer>> cells, int rows, int columns, int priorities) {
        if (cells.size() != rows) {
            return Optional.of(Refusal.invalid(
                    "cells", IncidentRefusals.ROW_COUNT, String.valueOf(rows), String.valueOf(cells.size())));
        }
        for (int row = 0; row < rows; row++) {
            List<Integer> cellRow = cells.get(row);
            if (cellRow == null || cellRow.size() != columns) {
                return Optional.of(
                        Refusal.invalid("cells[" + row + "]", IncidentRefusals.COLUMN_COUNT, String.valueOf(columns)));
            }
            for (int column = 0; column < columns; column++) {
                Integer priority = cellRow.get(column);
                if (priority == null || priority < 1 || priority > priorities) {
                    return Optional.of(Refusal.invalid(
                            "cells[" + row + "][" + column + "]",
                            IncidentRefusals.NOT_A_PRIORITY_LEVEL,
                            String.valueOf(priorities)));
                }
            }
        }
        return Optional.empty();
    }

    /** The priority level for an impact and an urgency level. */
    public int priorityOf(int impact, int urgency) {
        return cells.get(impact - 1).get(urgency - 1);
    }

    public Optional<Integer> impactLevel(String label) {
        return level(impacts, label);
    }

    public Optional<Integer> urgencyLevel(String label) {
        return level(urgencies, label);
    }

    public Optional<Integer> priorityLevel(String label) {
        return level(priorities, label);
    }

    public String impactLabel(int level) {
        return label(impacts, level);
    }

    public String urgencyLabel(int level) {
        return label(urgencies, level);
    }

    public String priorityLabel(int level) {
        return label(priorities, level);
    }

    /** The middle impact level, used when a reporter does not say. */
    public int defaultImpact() {
        return (impacts.size() + 1) / 2;
    }

    /** The middle urgency level, used when a reporter does not say. */
    public int defaultUrgency() {
        return (urgencies.size() + 1) / 2;
    }

    private static Optional<Integer> level(List<String> labels, String label) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(label.trim())) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static String label(List<String> labels, int level) {
        return level >= 1 && level <= labels.size() ? labels.get(level - 1) : String.valueOf(level);
    }
}
