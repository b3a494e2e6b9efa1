package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.Seeds;
import io.cairn.shared.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The priority matrix: a table from impact and urgency to priority, checked on given and on random matrices. */
class PriorityMatrixTest {

    @Test
    void theItilTableGivesThePriorityOfEachImpactAndUrgency() {
        PriorityMatrix matrix = TestIncidents.MATRIX;

        assertThat(matrix.priorityLabel(matrix.priorityOf(1, 1))).isEqualTo("P1");
        assertThat(matrix.priorityLabel(matrix.priorityOf(2, 3))).isEqualTo("P4");
        assertThat(matrix.priorityLabel(matrix.priorityOf(3, 3))).isEqualTo("P5");
        assertThat(matrix.impactLevel(" HIGH ")).contains(1);
        assertThat(matrix.urgencyLevel("Low")).contains(3);
        assertThat(matrix.priorityLevel("p2")).contains(2);
        assertThat(matrix.impactLevel("critical")).isEmpty();
        assertThat(matrix.defaultImpact()).isEqualTo(2);
        assertThat(matrix.impactLabel(4))
                .as("a level the matrix no longer has is shown as its number")
                .isEqualTo("4");
    }

    @Test
    void aMatrixWithAPartMissingIsRefusedNamingThePart() {
        List<String> three = List.of("a", "b", "c");
        List<List<Integer>> cells = List.of(List.of(1, 1, 1), List.of(1, 1, 1), List.of(1, 1, 1));

        assertThat(field(PriorityMatrix.of(null, three, three, cells, 0))).isEqualTo("impacts");
        assertThat(field(PriorityMatrix.of(three, null, three, cells, 0))).isEqualTo("urgencies");
        assertThat(field(PriorityMatrix.of(three, three, null, cells, 0))).isEqualTo("priorities");
        assertThat(field(PriorityMatrix.of(three, three, three, null, 0))).isEqualTo("cells");
    }

    @Test
    void badLabelsAndCellsAreRefusedNamingTheFieldAndTheConstructorThrows() {
        List<String> two = List.of("high", "low");
        List<List<Integer>> cells = List.of(List.of(1, 2), List.of(2, 2));

        assertThat(field(PriorityMatrix.of(List.of(), two, two, List.of(), 0))).isEqualTo("impacts");
        assertThat(field(PriorityMatrix.of(two, List.of("x", "x"), two, cells, 0)))
                .isEqualTo("urgencies");
        assertThat(field(PriorityMatrix.of(two, two, List.of("P1", " "), cells, 0)))
                .isEqualTo("priorities");
        assertThat(field(PriorityMatrix.of(two, two, List.of("P1", "x".repeat(41)), cells, 0)))
                .isEqualTo("priorities");
        assertThat(field(PriorityMatrix.of(two, two, two, List.of(List.of(1, 2)), 0)))
                .isEqualTo("cells");
        assertThat(field(PriorityMatrix.of(two, two, two, List.of(List.of(1, 2), List.of(1)), 0)))
                .isEqualTo("cells[1]");
        assertThat(field(PriorityMatrix.of(two, two, two, List.of(List.of(1, 2), List.of(1, 3)), 0)))
                .isEqualTo("cells[1][1]");
        assertThatThrownBy(() -> new PriorityMatrix(two, two, two, List.of(List.of(1, 2), List.of(0, 1)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cells[1][0]");
    }

    /**
     * A property over random valid matrices of 1 to 10 levels: each is accepted, looks up what its cells say, reads
     * its labels back in any case, and defaults to its middle levels; changing any one part into something invalid
     * gets it refused, and the constructor throws exactly when {@code of} refuses.
     */
    @RepeatedTest(200)
    void randomMatricesAreAcceptedAndLookedUpAndBreakingAnyPartGetsThemRefused() {
        long seed = Seeds.next();
        Random random = new Random(seed);
        List<String> impacts = labels(random, "impact");
        List<String> urgencies = labels(random, "urgency");
        List<String> priorities = labels(random, "P");
        List<List<Integer>> cells = new ArrayList<>();
        for (int row = 0; row < impacts.size(); row++) {
            List<Integer> cellRow = new ArrayList<>();
            for (int column = 0; column < urgencies.size(); column++) {
                cellRow.add(1 + random.nextInt(priorities.size()));
            }
            cells.add(cellRow);
        }
        String context = Seeds.replay(seed) + ": " + impacts + " x " + urgencies + " -> " + cells;

        PriorityMatrix matrix =
                PriorityMatrix.of(impacts, urgencies, priorities, cells, 3).orRefuse();
        for (int impact = 1; impact <= impacts.size(); impact++) {
            assertThat(matrix.impactLevel(matrix.impactLabel(impact).toUpperCase(Locale.ROOT) + " "))
                    .as(context)
                    .contains(impact);
            for (int urgency = 1; urgency <= urgencies.size(); urgency++) {
                assertThat(matrix.priorityOf(impact, urgency))
                        .as(context)
                        .isEqualTo(cells.get(impact - 1).get(urgency - 1));
            }
        }
        for (int urgency = 1; urgency <= urgencies.size(); urgency++) {
            assertThat(matrix.urgencyLevel(matrix.urgencyLabel(urgency)))
                    .as(context)
                    .contains(urgency);
        }
        assertThat(matrix.defaultImpact()).as(context).isBetween(1, impacts.size());
        assertThat(matrix.defaultUrgency() * 2).as(context).isIn(urgencies.size(), urgencies.size() + 1);

        List<UnaryOperator<List<List<Integer>>>> breakCells = List.of(
                c -> c.subList(0, c.size() - 1),
                c -> with(c, random.nextInt(c.size()), List.of()),
                c -> withRow(
                        c,
                        random.nextInt(c.size()),
                        row -> with(
                                row, random.nextInt(row.size()), random.nextBoolean() ? 0 : priorities.size() + 1)));
        List<List<Integer>> broken =
                breakCells.get(random.nextInt(breakCells.size())).apply(cells);
        assertThat(PriorityMatrix.of(impacts, urgencies, priorities, broken, 3))
                .as(context + ", broken " + broken)
                .isInstanceOf(Outcome.Refused.class);
        assertThatThrownBy(() -> new PriorityMatrix(impacts, urgencies, priorities, broken, 3))
                .as(context)
                .isInstanceOf(IllegalArgumentException.class);
        List<String> twice = new ArrayList<>(urgencies);
        twice.add(urgencies.get(random.nextInt(urgencies.size())));
        assertThat(field(PriorityMatrix.of(impacts, twice, priorities, cells, 3)))
                .as(context)
                .isEqualTo("urgencies");
    }

    private static List<String> labels(Random random, String prefix) {
        List<String> labels = new ArrayList<>();
        int levels = 1 + random.nextInt(10);
        for (int level = 1; level <= levels; level++) {
            labels.add(prefix + " " + level);
        }
        return labels;
    }

    private static <T> List<T> with(List<T> list, int index, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, element);
        return copy;
    }

    private static <T> List<List<T>> withRow(List<List<T>> rows, int index, UnaryOperator<List<T>> change) {
        return with(rows, index, change.apply(rows.get(index)));
    }

    private static @Nullable String field(Outcome<PriorityMatrix> outcome) {
        return outcome instanceof Outcome.Refused<PriorityMatrix> refused
                ? refused.refusal().fields().get(0).field()
                : null;
    }
}
