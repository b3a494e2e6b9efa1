package io.cairn.risks;

import io.cairn.identity.IdentityManagement;
import io.cairn.shared.CsvCells;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register as CSV (RFC 4180, a header row of the API's field names), with the list's filters: written as
 * it is read, a batch of risks at a time, so that a register of any size is never held in memory. Every cell that a
 * spreadsheet would take for a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return) is led by an apostrophe so that it stays text.
 */
@Component
class RiskExport {

    static final int BATCH = 500;

    /** A column: its header, and its value of a risk as text. */
    record Column(String header, Function<Risk, String> value) {}

    static final List<Column> COLUMNS = List.of(
            new Column("id", risk -> risk.id().toString()),
            new Column("title", Risk::title),
            new Column("description", Risk::description),
            new Column("businessUnit", risk -> text(risk.businessUnitName())),
            new Column("owner", Risk::ownerName),
            new Column("likelihood", Risk::likelihood),
            new Column("impact", Risk::impact),
            new Column("severity", Risk::severity),
            new Column("residualLikelihood", risk -> text(risk.residualLikelihood())),
            new Column("residualImpact", risk -> text(risk.residualImpact())),
            new Column("residualSeverity", risk -> text(risk.residualSeverity())),
            new Column("treatment", Risk::treatment),
            new Column("status", Risk::status),
            new Column("closureReason", risk -> text(risk.closureReason())),
            new Column("mitigationTargetAt", risk -> text(risk.mitigationTargetAt())),
            new Column("overdue", risk -> Boolean.toString(risk.overdue())),
            new Column("createdAt", risk -> text(risk.createdAt())),
            new Column("materializedAt", risk -> text(risk.materializedAt())),
            new Column("closedAt", risk -> text(risk.closedAt())),
            new Column("resolutionMinutes", risk -> text(risk.resolutionMinutes())));

    private final RiskManagement management;
    private final Risks risks;
    private final IdentityManagement identity;

    RiskExport(RiskManagement management, Risks risks, IdentityManagement identity) {
        this.management = management;
        this.risks = risks;
        this.identity = identity;
    }

    /**
     * Checks the reader and the filters, then writes the risks they find to {@code out} once {@code start} was called
     * (so that a refusal is answered before anything is written); how many risks it wrote.
     */
    @Transactional
    Outcome<Long> csv(RiskManagement.Filters filters, Runnable start, Writer out) {
        if (!RiskRegister.reads(identity.requireActor())) {
            return Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_READERS_READ));
        }
        return management.query(filters).map(query -> {
            start.run();
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
                printer.printRecord(COLUMNS.stream().map(Column::header).toList());
                List<RiskItem> batch = new ArrayList<>(BATCH);
                long[] written = {0};
                risks.each(query, risk -> {
                    batch.add(risk);
                    if (batch.size() == BATCH) {
                        written[0] += print(printer, batch);
                    }
                });
                written[0] += print(printer, batch);
                return written[0];
            } catch (IOException e) {
                throw new UncheckedIOException("the reader of the CSV went away", e);
            }
        });
    }

    private long print(CSVPrinter printer, List<RiskItem> batch) {
        int size = batch.size();
        try {
            for (Risk risk : management.views(batch)) {
                printer.printRecord(COLUMNS.stream()
                        .map(column -> CsvCells.safe(column.value().apply(risk)))
                        .toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the reader of the CSV went away", e);
        }
        batch.clear();
        return size;
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
