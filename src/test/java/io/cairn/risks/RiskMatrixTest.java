package io.cairn.risks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matrix from likelihood and impact to severity: the default 5 x 5 one, and the refusal of a broken one. */
class RiskMatrixTest {

    private static final List<String> THREE = List.of("low", "mid", "top");

    @Test
    void theDefaultMatrixMapsFiveByFiveLevelsToLowMediumHighAndCritical() {
        RiskMatrix matrix = RiskMatrix.DEFAULT;

        assertThat(matrix.likelihoods()).hasSize(5);
        assertThat(matrix.impacts()).hasSize(5);
        assertThat(matrix.severities()).containsExactly("low", "medium", "high", "critical");
        assertThat(matrix.severityOf(1, 1)).isEqualTo("low");
        assertThat(matrix.severityOf(3, 3)).isEqualTo("medium");
        assertThat(matrix.severityOf(4, 3)).isEqualTo("high");
        assertThat(matrix.severityOf(5, 5)).isEqualTo("critical");
        assertThat(matrix.likelihoodLevel("likely")).contains(4);
        assertThat(matrix.impactLevel("catastrophic")).isEmpty();
        assertThat(matrix.rankOf("critical")).isEqualTo(4);
        assertThat(matrix.rankOf("extreme")).isZero();
    }

    @Test
    void aConfiguredMatrixLooksSeveritiesUpByItsOwnLabels() {
        RiskMatrix matrix = new RiskMatrix(
                List.of("seldom", "often"),
                THREE,
                List.of("green", "red"),
                List.of(List.of("green", "green", "red"), List.of("green", "red", "red")));

        assertThat(matrix.severityOf(2, 2)).isEqualTo("red");
        assertThat(matrix.severityOf(1, 2)).isEqualTo("green");
        assertThat(matrix.likelihoodLabel(2)).isEqualTo("often");
    }

    @Test
    void aMatrixWithAnEmptyCellIsRefusedNamingTheCell() {
        List<String> row = new ArrayList<>(List.of("low", "mid", "top"));
        row.set(1, null);

        assertThatThrownBy(() -> new RiskMatrix(THREE, THREE, THREE, List.of(THREE, row, THREE)))
                .hasMessageContaining("cairn.risks.cells[1][1]")
                .hasMessageContaining("empty");
    }

    @Test
    void aMatrixWithALevelThatIsNoSeverityIsRefusedNamingTheCell() {
        List<String> row = List.of("low", "mid", "extreme");

        assertThatThrownBy(() -> new RiskMatrix(THREE, THREE, THREE, List.of(THREE, THREE, row)))
                .hasMessageContaining("cairn.risks.cells[2][2]")
                .hasMessageContaining("'extreme' is not one of the severities");
    }

    @Test
    void aMatrixWithARowMissingOrTooShortIsRefused() {
        assertThatThrownBy(() -> new RiskMatrix(THREE, THREE, THREE, List.of(THREE, THREE)))
                .hasMessageContaining("cairn.risks.cells: must have one row per likelihood level, 3, not 2");
        assertThatThrownBy(() -> new RiskMatrix(THREE, THREE, THREE, List.of(THREE, THREE, List.of("low"))))
                .hasMessageContaining("cairn.risks.cells[2][1]");
    }

    @Test
    void scalesWithTwiceTheSameLabelAreRefused() {
        assertThatThrownBy(() -> new RiskMatrix(List.of("a", "a"), THREE, THREE, List.of(THREE, THREE)))
                .hasMessageContaining("cairn.risks.likelihoods: two levels have the same label");
    }
}
