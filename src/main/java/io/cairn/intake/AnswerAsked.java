package io.cairn.intake;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A question as it was asked and the answer given, kept with the report so that editing the template later never
 * changes it.
 *
 * @param answer the answer as the reporter gave it, or the label of the chosen option or device; a date and time as
 *     an ISO instant in UTC
 */
record AnswerAsked(String key, QuestionKind kind, String question, String answer) {

    /** The moment a date-and-time answer names, for showing it in the reader's time zone; empty for other answers. */
    public @Nullable Instant moment() {
        if (kind != QuestionKind.DATETIME) {
            return null;
        }
        try {
            return Instant.parse(answer);
        } catch (DateTimeParseException notAnInstant) {
            return null;
        }
    }
}
