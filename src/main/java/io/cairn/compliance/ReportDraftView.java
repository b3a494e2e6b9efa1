package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The report of an obligation's stage as it stands: the draft's fields (drafted from the incident until a handler
 * saves it), which mandatory ones are still empty, and the submissions made of it.
 *
 * @param status the stage's status ({@code open}, {@code overdue}, {@code submitted}, ...)
 * @param version the draft's version; 0 until it is first saved. Saving and submitting name it
 * @param missing the mandatory fields that are empty: a submission is refused until they are filled
 * @param submissions the stage's submissions, first first; a correction names the one it corrects
 */
public record ReportDraftView(
        UUID obligation,
        IncidentId incident,
        String regime,
        String stage,
        String stageName,
        String recipient,
        String status,
        @Nullable Instant dueAt,
        boolean internalTarget,
        List<Field> fields,
        List<String> missing,
        long version,
        @Nullable String updatedByName,
        @Nullable Instant updatedAt,
        List<SubmissionView> submissions) {

    public ReportDraftView {
        fields = List.copyOf(fields);
        missing = List.copyOf(missing);
        submissions = List.copyOf(submissions);
    }

    /** The labels of the mandatory fields still empty, in the report's order. */
    public List<String> missingLabels() {
        return fields.stream()
                .filter(field -> missing.contains(field.field()))
                .map(Field::label)
                .toList();
    }

    /** Whether the stage's due instant has passed, so that a submission needs the reason for the delay. */
    public boolean late(Instant now) {
        return dueAt != null && now.isAfter(dueAt) && submissions.isEmpty();
    }

    /**
     * A field of the report.
     *
     * @param label its name in the reader's language
     * @param mandatory the regime requires it for the stage
     */
    public record Field(String field, String label, boolean mandatory, String value) {}
}
