package io.cairn.isms.procedures;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A field of the form that starts a run of a procedure, such as the leaver's name or the last working day.
 *
 * @param key a stable name in lower case with dashes, which steps name to show the field to their team
 * @param required whether a run cannot start without it
 * @param options the values a {@link Kind#CHOICE} field allows, in order; none for other kinds
 * @param help a line under the field that tells the person what to fill in
 */
public record FormField(
        String key,
        String label,
        Kind kind,
        boolean required,
        List<String> options,
        @Nullable String help) {

    public FormField {
        key = key == null ? "" : key.trim();
        label = label == null ? "" : label.trim();
        kind = kind == null ? Kind.TEXT : kind;
        options = options == null
                ? List.of()
                : options.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        help = help == null ? "" : help.trim();
    }

    /** What a field holds. */
    public enum Kind {
        /** One line of text. */
        TEXT,
        /** Several lines of text. */
        LONG_TEXT,
        /** A calendar date, such as a last working day. */
        DATE,
        /** A person with an account here, by user name: a manager who approves, a leaver. */
        USER,
        /** One of the field's options. */
        CHOICE;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static Kind fromCode(String code) {
            String wanted = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            return Arrays.stream(values())
                    .filter(kind -> kind.name().equals(wanted))
                    .findFirst()
                    .orElseThrow(
                            () -> new IllegalArgumentException("unknown field kind '" + code + "', expected one of "
                                    + Arrays.stream(values()).map(Kind::code).toList()));
        }
    }
}
