package io.cairn.isms.controls;

import io.cairn.shared.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * The evidence of a control as files: the CSV (RFC 4180, a header row, one row per step of the timeline with its
 * run's columns repeated, formula-safe) and the JSON, both written as the runs are read so that a year of runs is
 * never held; and the PDF, which {@link EvidencePdf} writes.
 */
@Component
class ControlEvidenceFiles {

    /** A column of the CSV: its header, and its value of a step of a run as text. */
    record Column(String header, Function<Line, String> value) {}

    /** A row of the CSV: a run and one step of its timeline. */
    record Line(EvidenceRun run, EvidenceStep step) {}

    static final List<Column> COLUMNS = List.of(
            new Column("reference", line -> line.run().reference()),
            new Column("procedure", line -> line.run().procedure()),
            new Column("requester", line -> line.run().requester()),
            new Column("owner", line -> line.run().owner()),
            new Column("startedAt", line -> text(line.run().startedAt())),
            new Column("dueAt", line -> text(line.run().dueAt())),
            new Column("endedAt", line -> text(line.run().endedAt())),
            new Column("state", line -> line.run().state()),
            new Column("closeReason", line -> line.run().closeReason()),
            new Column("runExceptions", line -> exceptions(line.run(), "")),
            new Column("stepPosition", line -> String.valueOf(line.step().position())),
            new Column("step", line -> line.step().title()),
            new Column("stepKind", line -> line.step().kind()),
            new Column("mandatory", line -> String.valueOf(line.step().mandatory())),
            new Column("evidencesControl", line -> String.valueOf(line.step().evidences())),
            new Column("stepState", line -> line.step().state()),
            new Column("by", line -> line.step().by()),
            new Column("byRequester", line -> String.valueOf(line.step().byRequester())),
            new Column("openedAt", line -> text(line.step().openedAt())),
            new Column("stepDueAt", line -> text(line.step().dueAt())),
            new Column("closedAt", line -> text(line.step().closedAt())),
            new Column("note", line -> line.step().note()),
            new Column(
                    "attachments",
                    line -> line.step().attachments().stream()
                            .map(EvidenceAttachment::toString)
                            .collect(Collectors.joining("; "))),
            new Column(
                    "stepExceptions", line -> exceptions(line.run(), line.step().title())));

    private final EvidenceReader reader;
    private final EvidencePdf pdf;
    private final ObjectMapper json;

    ControlEvidenceFiles(EvidenceReader reader, EvidencePdf pdf, ObjectMapper json) {
        this.reader = reader;
        this.pdf = pdf;
        this.json = json;
    }

    /** Writes the CSV of every run of the query; how many runs it wrote. */
    long csv(EvidenceQuery query, Instant now, Writer out) {
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(COLUMNS.stream().map(Column::header).toList());
            long[] runs = {0};
            reader.each(query, now, run -> {
                runs[0]++;
                try {
                    for (EvidenceStep step : run.steps()) {
                        Line line = new Line(run, step);
                        printer.printRecord(COLUMNS.stream()
                                .map(column -> CsvCells.safe(column.value().apply(line)))
                                .toList());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("the reader of the CSV went away", e);
                }
            });
            for (EvidenceException missed : reader.missedOccurrences(query)) {
                printer.printRecord(
                        missedRow(missed).stream().map(CsvCells::safe).toList());
            }
            printer.flush();
            return runs[0];
        } catch (IOException e) {
            throw new UncheckedIOException("the reader of the CSV went away", e);
        }
    }

    /**
     * Writes the JSON of every run of the query: the heading's control and period, then {@code runs} as they are read,
     * then every exception and the summary, which are known only once every run was read; how many runs it wrote.
     */
    long json(EvidenceQuery query, ControlEvidenceReport heading, OutputStream out) {
        EvidenceTally tally = new EvidenceTally(0, query.target());
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringProperty("control", heading.control());
            generator.writeStringProperty("controlTitle", heading.controlTitle());
            generator.writeStringProperty("from", heading.from().toString());
            generator.writeStringProperty("to", heading.to().toString());
            generator.writeStringProperty("zone", heading.zone());
            generator.writeStringProperty("procedureType", heading.procedureType());
            generator.writeStringProperty("readAt", heading.readAt().toString());
            generator.writeName("runs");
            generator.writeStartArray();
            reader.each(query, heading.readAt(), run -> {
                tally.accept(run);
                generator.writePOJO(run);
            });
            generator.writeEndArray();
            tally.acceptWithoutRun(reader.missedOccurrences(query));
            generator.writePOJOProperty("exceptions", tally.exceptions());
            generator.writePOJOProperty("summary", tally.summary());
            generator.writeEndObject();
        }
        return tally.runs();
    }

    /** The row of a schedule's occurrence that started no run: no reference, its time as the start, no steps. */
    private static List<String> missedRow(EvidenceException missed) {
        List<String> row = new ArrayList<>();
        for (Column column : COLUMNS) {
            row.add(
                    switch (column.header()) {
                        case "procedure" -> missed.procedure();
                        case "owner" -> missed.by();
                        case "startedAt" -> text(missed.dueAt());
                        case "state" -> "not-started";
                        case "runExceptions" -> missed.kind().code() + ": " + missed.reason();
                        default -> "";
                    });
        }
        return row;
    }

    /** The auditor's report as a PDF. */
    byte[] pdf(ControlEvidenceReport report) {
        return pdf.of(report);
    }

    private static String exceptions(EvidenceRun run, String step) {
        List<String> found = new ArrayList<>();
        for (EvidenceException exception : run.exceptions()) {
            if (exception.step().equals(step)) {
                found.add(exception.kind().code() + ": " + exception.reason());
            }
        }
        return found.stream().collect(Collectors.joining("; "));
    }

    private static String text(@Nullable Instant at) {
        return at == null ? "" : at.toString();
    }
}
