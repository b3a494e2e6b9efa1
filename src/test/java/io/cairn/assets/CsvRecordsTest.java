package io.cairn.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as device files come: RFC 4180 quoting, any line end, and lenient where a spreadsheet is sloppy. */
class CsvRecordsTest {

    /** The records that hold fields, by line, as the device import reads them. */
    private static List<List<String>> filled(String text) {
        return CsvRecords.parse(text).stream()
                .filter(record -> !record.isEmpty())
                .toList();
    }

    @Test
    void splitsFieldsOnCommasAndKeepsTheirSpaces() {
        assertThat(filled("name, kind ,identifier\nLaptop,laptop,SN-1\n"))
                .containsExactly(List.of("name", " kind ", "identifier"), List.of("Laptop", "laptop", "SN-1"));
    }

    @Test
    void aQuotedFieldMayHoldCommasDoubledQuotesAndLineBreaks() {
        assertThat(filled("\"Phone, work\",\"the \"\"red\"\" one\",\"two\nlines\"\n"))
                .containsExactly(List.of("Phone, work", "the \"red\" one", "two\nlines"));
    }

    @Test
    void emptyFieldsAreKeptWhereverTheyAre() {
        assertThat(filled(",a,,\"\",b,\n")).containsExactly(List.of("", "a", "", "", "b", ""));
    }

    @Test
    void crlfLfAndALoneCrAllEndALine() {
        assertThat(filled("a,b\r\nc,d\ne,f\rg,h"))
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"));
    }

    @Test
    void aBlankLineIsAnEmptyRecordSoThatRecordsCountLines() {
        List<List<String>> records = CsvRecords.parse("header\r\n\r\n   \nthird\n");
        assertThat(records.get(0)).containsExactly("header");
        assertThat(records.get(1)).isEmpty();
        assertThat(records.get(2)).isEmpty();
        assertThat(records.get(3)).containsExactly("third");
        assertThat(records.subList(4, records.size())).allMatch(List::isEmpty);
    }

    @Test
    void aLastLineWithoutALineEndIsRead() {
        assertThat(filled("a,b\nc,d")).containsExactly(List.of("a", "b"), List.of("c", "d"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsJustACharacter() {
        assertThat(filled("15\" screen,ab\"c\n")).containsExactly(List.of("15\" screen", "ab\"c"));
    }

    @Test
    void textAfterAClosingQuoteIsKeptRatherThanRefused() {
        assertThat(filled("\"quoted\" tail,\"a\"b\n")).containsExactly(List.of("quoted tail", "ab"));
    }

    @Test
    void anUnclosedQuoteRunsToTheEndOfTheTextRatherThanFailing() {
        assertThat(filled("a,\"never closed\nb,c")).containsExactly(List.of("a", "never closed\nb,c"));
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsNotPartOfIt() {
        assertThat(filled("\uFEFFname,kind\r\n")).containsExactly(List.of("name", "kind"));
    }

    @Test
    void anEmptyTextHasNoFilledRecord() {
        assertThat(filled("")).isEmpty();
        assertThat(filled("\n\n")).isEmpty();
    }
}
