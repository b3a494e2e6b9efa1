package io.cairn.compliance;

import io.cairn.shared.CsvCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The register's columns (GDPR-10) in their order, each a value of an entry as text, and the register as CSV:
 * RFC 4180 with a header row, every cell that a spreadsheet would take for a formula (starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) led by an apostrophe so that it stays text.
 */
final class BreachRegisterColumns {

    /** A column: its key (its header's message is {@code compliance.register.column.} and the key), and its value. */
    record Column(String key, Function<BreachRegisterEntry, String> value) {}

    static final List<Column> ALL = List.of(
            new Column("reference", BreachRegisterEntry::reference),
            new Column("title", BreachRegisterEntry::title),
            new Column("legal-entity", entry -> text(entry.legalEntityName())),
            new Column("registered-at", entry -> instant(entry.registeredAt())),
            new Column("detected-at", entry -> instant(entry.detectedAt())),
            new Column("aware-at", entry -> instant(entry.awareAt())),
            new Column("breach", BreachRegisterEntry::breach),
            new Column("breach-rationale", BreachRegisterEntry::breachRationale),
            new Column("assessed-at", entry -> instant(entry.assessedAt())),
            new Column("assessed-by", BreachRegisterEntry::assessedBy),
            new Column("breach-types", entry -> String.join(", ", entry.breachTypes())),
            new Column("data-categories", BreachRegisterEntry::dataCategories),
            new Column("subject-categories", BreachRegisterEntry::subjectCategories),
            new Column("approximate-subjects", entry -> text(entry.approximateSubjects())),
            new Column("approximate-records", entry -> text(entry.approximateRecords())),
            new Column("special-category", entry -> Boolean.toString(entry.specialCategoryOrCriminal())),
            new Column("risk", entry -> text(entry.risk())),
            new Column("risk-rationale", entry -> text(entry.riskRationale())),
            new Column("facts", BreachRegisterEntry::facts),
            new Column("effects", BreachRegisterEntry::effects),
            new Column("remedial-action", BreachRegisterEntry::remedialAction),
            new Column("notification", BreachRegisterEntry::notification),
            new Column("authority-notified-at", entry -> instant(entry.authorityNotifiedAt())),
            new Column("authority-reference", entry -> text(entry.authorityReference())),
            new Column("subjects-notified-at", entry -> instant(entry.subjectsNotifiedAt())),
            new Column("subjects-exemption", entry -> text(entry.subjectsExemption())),
            new Column("subjects-exemption-reason", entry -> text(entry.subjectsExemptionReason())),
            new Column("public-communication-at", entry -> instant(entry.publicCommunicationAt())),
            new Column("not-notified-because", entry -> text(entry.notNotifiedBecause())),
            new Column("delay-reasons", entry -> String.join("; ", entry.delayReasons())));

    private BreachRegisterColumns() {}

    /** The register as CSV: the header row of the columns' names (as {@code header} names each key), then a row each. */
    static String csv(List<BreachRegisterEntry> entries, UnaryOperator<String> header) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(ALL.stream()
                    .map(column -> CsvCells.safe(header.apply(column.key())))
                    .toList());
            for (BreachRegisterEntry entry : entries) {
                printer.printRecord(ALL.stream()
                        .map(column -> CsvCells.safe(column.value().apply(entry)))
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : Objects.toString(value);
    }

    private static String instant(@Nullable Instant at) {
        return at == null ? "" : at.toString();
    }
}
