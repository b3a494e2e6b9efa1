package io.cairn.compliance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;

/** Identifies a regime: lower-case letters, digits and hyphens, such as {@code gdpr} or {@code nis2-nl}. */
public record RegimeId(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public RegimeId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a regime id is lower-case letters, digits and hyphens: " + value);
        }
    }

    /** The id the text names, or empty when it is none. */
    public static Optional<RegimeId> parse(String text) {
        return FORM.matcher(text).matches() ? Optional.of(new RegimeId(text)) : Optional.empty();
    }

    /** Whether the text has the form of an id (of a regime, a trigger or a stage). */
    static boolean wellFormed(String text) {
        return FORM.matcher(text).matches();
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
