package io.cairn.incidents;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;

/**
 * The title of an incident: what happened, in one line that a list can show, never blank and at most
 * {@value #MAX_LENGTH} characters. A title a person typed is checked ({@link #of}); one an intake channel makes from
 * a longer text, such as a mail's subject, is shortened to fit ({@link #shortened}).
 */
public record IncidentTitle(String text) {

    /** The most characters a title has. */
    public static final int MAX_LENGTH = 300;

    private static final String ELLIPSIS = "\u2026";

    /** Fails on a blank or too long title: make one through {@link #of} or {@link #shortened}. */
    public IncidentTitle {
        if (text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an incident's title has 1 to " + MAX_LENGTH + " characters");
        }
    }

    /** The title a person typed, trimmed; refused when it is blank or longer than {@value #MAX_LENGTH}. */
    public static Outcome<IncidentTitle> of(String typed) {
        String trimmed = typed.trim();
        if (trimmed.isEmpty()) {
            return Outcome.refused(Refusal.invalid("title", IncidentRefusals.BLANK_TITLE));
        }
        if (trimmed.length() > MAX_LENGTH) {
            return Outcome.refused(Refusal.invalid("title", SharedRefusals.TOO_LONG, String.valueOf(MAX_LENGTH)));
        }
        return Outcome.done(new IncidentTitle(trimmed));
    }

    /**
     * The title an intake channel made from other text, such as a template's title and the reporter's first answer,
     * trimmed and shortened to fit; refused only when it is blank.
     */
    public static Outcome<IncidentTitle> made(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty()
                ? Outcome.refused(Refusal.invalid("title", IncidentRefusals.BLANK_TITLE))
                : Outcome.done(shortened(trimmed));
    }

    /** A title made from a text that may be longer: cut to {@value #MAX_LENGTH} characters, ending in an ellipsis. */
    public static IncidentTitle shortened(String text) {
        return new IncidentTitle(text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + ELLIPSIS);
    }

    @Override
    public String toString() {
        return text;
    }
}
