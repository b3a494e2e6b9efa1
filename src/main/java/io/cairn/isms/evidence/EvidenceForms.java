package io.cairn.isms.evidence;

import io.cairn.identity.UserId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.Refusal.FieldProblem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads an evidence item from form fields, as a multipart upload and the pages send them: times and ids as text. */
final class EvidenceForms {

    private EvidenceForms() {}

    /** The item, or the fields that are not a time or a user id. */
    static Outcome<NewEvidence> item(
            @Nullable String kind,
            @Nullable String description,
            @Nullable String source,
            @Nullable String collectedAt,
            @Nullable String collectedBy,
            @Nullable String collectedWhere,
            @Nullable String collectedHow,
            @Nullable String sha256,
            @Nullable String storageLocation) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant at = instant("collectedAt", collectedAt, problems);
        UserId by = null;
        if (collectedBy != null && !collectedBy.isBlank()) {
            try {
                by = new UserId(UUID.fromString(collectedBy.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("collectedBy", EvidenceRefusals.NO_SUCH_USER, collectedBy.strip()));
            }
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(new NewEvidence(
                kind, description, source, at, by, collectedWhere, collectedHow, sha256, storageLocation));
    }

    /**
     * A time as an ISO-8601 instant ({@code 2026-12-01T09:30:00Z}), or as a browser's local date and time taken as UTC;
     * null when blank, and a problem of the field when it is neither.
     */
    static @Nullable Instant instant(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        try {
            return Instant.parse(stripped);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(stripped).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notALocalTime) {
                problems.add(FieldProblem.of(field, EvidenceRefusals.NOT_A_TIME));
                return null;
            }
        }
    }
}
