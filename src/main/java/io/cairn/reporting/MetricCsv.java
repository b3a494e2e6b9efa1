package io.cairn.reporting;

import io.cairn.shared.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * A metric written as CSV as its rows come (RFC 4180, UTF-8, a header row). A text that a spreadsheet would take for
 * a formula (starting with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe, so that a
 * business unit named "=HYPERLINK(...)" stays a name; numbers are written as they are.
 */
final class MetricCsv implements MetricRows, AutoCloseable {

    private final CSVPrinter printer;

    private MetricCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    static MetricCsv to(OutputStream out, List<String> columns) {
        try {
            CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180);
            printer.printRecord(columns);
            return new MetricCsv(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(@Nullable Object... values) {
        try {
            for (Object value : values) {
                printer.print(cell(value));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static @Nullable Object cell(@Nullable Object value) {
        return value instanceof String text ? CsvCells.safe(text) : value;
    }

    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
