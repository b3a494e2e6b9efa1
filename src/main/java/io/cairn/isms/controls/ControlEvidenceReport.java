package io.cairn.isms.controls;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The evidence of a control for a period as the page and the PDF show it: the control, the period, the summary, every
 * exception, and the runs (all of them for the PDF; the first ones on the page, the rest in the CSV and PDF).
 *
 * @param zone the zone in which the period's days start
 * @param procedureType the name of the one procedure type asked for; empty for every type
 * @param runs the runs shown, by start time; {@link EvidenceSummary#runs()} says how many there are in all
 */
public record ControlEvidenceReport(
        String control,
        String controlTitle,
        LocalDate from,
        LocalDate to,
        String zone,
        String procedureType,
        Instant readAt,
        EvidenceSummary summary,
        List<EvidenceException> exceptions,
        List<EvidenceRun> runs) {

    public ControlEvidenceReport {
        procedureType = procedureType == null ? "" : procedureType;
        exceptions = List.copyOf(exceptions);
        runs = List.copyOf(runs);
    }

    /** How many runs the period holds that are not shown. */
    public long notShown() {
        return summary.runs() - runs.size();
    }
}
