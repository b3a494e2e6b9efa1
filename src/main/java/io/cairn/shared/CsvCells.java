package io.cairn.shared;

/**
 * Cells of the CSV files Cairn writes, as a spreadsheet opens them: a cell that would start a formula ({@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) is led by an apostrophe, so that it stays text (the
 * OWASP advice on CSV injection).
 */
public final class CsvCells {

    private CsvCells() {}

    /** The cell as a spreadsheet keeps it as text. */
    public static String safe(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
