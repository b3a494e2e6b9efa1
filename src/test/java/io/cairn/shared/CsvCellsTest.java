package io.cairn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cells of Cairn's CSV files as a spreadsheet opens them. */
class CsvCellsTest {

    @Test
    void aCellThatASpreadsheetWouldTakeForAFormulaStaysText() {
        assertThat(CsvCells.safe("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(CsvCells.safe("+31 20 123")).isEqualTo("'+31 20 123");
        assertThat(CsvCells.safe("-1+2")).isEqualTo("'-1+2");
        assertThat(CsvCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.safe("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvCells.safe("Wachtwoorden = vervangen")).isEqualTo("Wachtwoorden = vervangen");
        assertThat(CsvCells.safe("")).isEmpty();
    }
}
