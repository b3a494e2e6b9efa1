package io.cairn.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a question is answered. */
enum QuestionKind {
    /** One line of text. */
    TEXT,
    /** Several lines of text. */
    LONG_TEXT,
    /** One of the question's options. */
    CHOICE,
    /** A date and time (ISO 8601, or as a browser's date-time field sends it). */
    DATETIME,
    /** One of the reporter's registered devices, or a description of another. */
    DEVICE,
    /** A file, kept as an attachment of the incident. */
    FILE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static QuestionKind fromCode(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(k -> k.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown question kind '" + code + "', expected one of "
                        + Arrays.stream(values()).map(QuestionKind::code).toList()));
    }
}
