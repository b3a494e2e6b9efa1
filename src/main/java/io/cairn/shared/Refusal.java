package io.cairn.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Why a command was not carried out, in words a user can act on.
 *
 * @param kind what sort of refusal it is; the web boundary turns it into a status
 * @param message the reason, as the user reads it
 * @param fields the fields at fault and what is wrong with each; empty when no one field is to blame
 * @param template the message with its variable parts as {@link MessageFormat} placeholders ({@code {0}}), from
 *     which a web page makes the message code it translates; the message itself when there are no arguments
 * @param arguments the variable parts of the message, in the order of their placeholders; empty for a fixed text
 */
public record Refusal(Kind kind, String message, List<FieldProblem> fields, String template, List<Object> arguments) {

    /** What sort of refusal it is. */
    public enum Kind {
        /** The input breaks a rule: a missing, malformed or out-of-range value. */
        INVALID(400),
        /** The object does not exist, or the caller may not know that it does. */
        NOT_FOUND(404),
        /** The caller may see the object but not do this to it. */
        FORBIDDEN(403),
        /** The object's state does not allow this now (a lifecycle rule, a duplicate name). */
        CONFLICT(409),
        /** The caller worked on an older version than the one stored. */
        STALE(409),
        /** Too many attempts: the caller must wait before trying again. */
        THROTTLED(429),
        /** The input is larger than a configured limit allows. */
        TOO_LARGE(413);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The HTTP status this refusal maps to. */
        public int status() {
            return status;
        }
    }

    /**
     * One field at fault.
     *
     * @param field the field's name
     * @param message what is wrong with it, as the user reads it
     * @param template the message with its variable parts as placeholders; the message itself without arguments
     * @param arguments the variable parts of the message; empty for a fixed text
     */
    public record FieldProblem(String field, String message, String template, List<Object> arguments) {

        public FieldProblem {
            arguments = List.copyOf(arguments);
        }

        /** A problem with a fixed text. */
        public FieldProblem(String field, String message) {
            this(field, message, message, List.of());
        }

        /** A problem whose text has variable parts: {@code of("to", "must be at least {0} characters", 12)}. */
        public static FieldProblem of(String field, String template, Object... arguments) {
            return new FieldProblem(field, format(template, arguments), template, List.of(arguments));
        }
    }

    public Refusal {
        fields = List.copyOf(fields);
        arguments = List.copyOf(arguments);
    }

    /** A refusal with a fixed text. */
    public Refusal(Kind kind, String message, List<FieldProblem> fields) {
        this(kind, message, fields, message, List.of());
    }

    /**
     * A refusal that no one field is to blame for, its text with variable parts:
     * {@code of(Kind.CONFLICT, "''{0}'' is not open", title)}.
     */
    public static Refusal of(Kind kind, String template, Object... arguments) {
        return new Refusal(kind, format(template, arguments), List.of(), template, List.of(arguments));
    }

    /**
     * A refusal of one field; the message may be a template with arguments ({@code "must be at least {0}
     * characters", 12}), and is taken as it is when there are none.
     */
    public static Refusal invalid(String field, String template, Object... arguments) {
        return ofField(Kind.INVALID, field, template, arguments);
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, what + " does not exist or is not visible to you", List.of());
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, message, List.of());
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, message, List.of());
    }

    /** A conflict of one field; the message may be a template with arguments, as for {@link #invalid}. */
    public static Refusal conflict(String field, String template, Object... arguments) {
        return ofField(Kind.CONFLICT, field, template, arguments);
    }

    public static Refusal throttled(java.time.Duration wait) {
        // the seconds as text, so that a translation shows them without grouping (1000, not 1,000)
        return of(Kind.THROTTLED, THROTTLED_TEMPLATE, String.valueOf(Math.max(1, wait.toSeconds())));
    }

    private static final String THROTTLED_TEMPLATE = "too many attempts; try again in {0} seconds";

    /** For a throttled refusal, how long the caller must wait before trying again (an HTTP Retry-After). */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return kind == Kind.THROTTLED && template.equals(THROTTLED_TEMPLATE)
                && arguments.get(0) instanceof String seconds
                ? java.util.Optional.of(java.time.Duration.ofSeconds(Long.parseLong(seconds)))
                : java.util.Optional.empty();
    }

    public static Refusal tooLarge(String field, String message) {
        return ofField(Kind.TOO_LARGE, field, message);
    }

    public static Refusal stale(long expectedVersion, long storedVersion) {
        return new Refusal(Kind.STALE, "version: you changed version " + expectedVersion
                + " but version " + storedVersion + " is stored; reload and try again",
                List.of(new FieldProblem("version", "is " + expectedVersion + ", stored is " + storedVersion)));
    }

    /**
     * The text of a template with its arguments, formatted as {@link MessageFormat} does in English; a template
     * without arguments is the text itself, quotes and all, as Spring's message sources take it.
     */
    public static String format(String template, Object... arguments) {
        return arguments.length == 0 ? template : new MessageFormat(template, Locale.ENGLISH).format(arguments);
    }

    private static Refusal ofField(Kind kind, String field, String template, Object... arguments) {
        FieldProblem problem = FieldProblem.of(field, template, arguments);
        return new Refusal(kind, field + ": " + problem.message(), List.of(problem), field + ": " + template,
                List.of(arguments));
    }
}
