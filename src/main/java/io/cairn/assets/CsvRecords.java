package io.cairn.assets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV as RFC 4180 writes it (commas, quoted fields with doubled quotes, CRLF, LF or CR line ends), by Apache
 * Commons CSV, and as leniently as spreadsheets need: text after a closing quote is kept and an unclosed quote runs
 * to the end, so that the device import names a file's problems by line rather than failing on its syntax.
 */
final class CsvRecords {

    private static final CSVFormat LENIENT_RFC_4180 = CSVFormat.RFC4180
            .builder()
            .setTrailingData(true)
            .setLenientEof(true)
            .get();

    private CsvRecords() {}

    /**
     * The records of the text, each a list of fields; a blank line is an empty record, so records count lines. A byte
     * order mark before the first line, as spreadsheets write, is not part of it.
     */
    static List<List<String>> parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVParser.parse(text, LENIENT_RFC_4180)) {
            return parser.stream().map(CsvRecords::fields).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("a string could not be read as CSV", e);
        }
    }

    private static List<String> fields(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank() ? List.of() : List.of(record.values());
    }
}
