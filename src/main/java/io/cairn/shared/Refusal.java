package io.cairn.shared;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a command was not carried out, in words a user can act on.
 *
 * @param kind what sort of refusal it is; the web boundary turns it into a status
 * @param message the reason, as the user reads it
 * @param fields the fields at fault and what is wrong with each; empty when no one field is to blame
 * @param code the message code of the reason, under which a page finds its translation ({@code refusal.} and the
 *     code); for a refusal of one field, its problem's code
 * @param template the message with its variable parts as {@link MessageFormat} placeholders ({@code {0}}), the English
 *     text a page shows when its bundle has no other; the message itself when there are no arguments
 * @param arguments the variable parts of the message, in the order of their placeholders; empty for a fixed text
 */
public record Refusal(
        Kind kind, String message, List<FieldProblem> fields, String code, String template, List<Object> arguments) {

    /**
     * A reason a command may be refused: an explicit message code and the English text the API answers. Each module
     * declares its reasons as an enum; a Dutch text {@code refusal.<code>} translates each one.
     */
    public interface Reason {

        /** The message code, without the {@code refusal.} that bundles put before it: {@code incident.not-open}. */
        String code();

        /**
         * The English text, its variable parts as {@link MessageFormat} placeholders ({@code {0}}); a text without
         * placeholders is taken as it is, quotes and all.
         */
        String template();
    }

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
        TOO_LARGE(413),
        /** The body is of a media type the endpoint does not read. */
        UNSUPPORTED_MEDIA_TYPE(415);

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
     * @param code the message code of the reason, as for {@link Refusal#code}
     * @param template the message with its variable parts as placeholders; the message itself without arguments
     * @param arguments the variable parts of the message; empty for a fixed text
     */
    public record FieldProblem(String field, String message, String code, String template, List<Object> arguments) {

        public FieldProblem {
            arguments = List.copyOf(arguments);
        }

        /** A problem for a reason: {@code of("to", SharedRefusals.TOO_SHORT, 12)}. */
        public static FieldProblem of(String field, Reason reason, Object... arguments) {
            return new FieldProblem(
                    field, format(reason.template(), arguments), reason.code(), reason.template(), List.of(arguments));
        }
    }

    public Refusal {
        fields = List.copyOf(fields);
        arguments = List.copyOf(arguments);
    }

    /** A refusal that no one field is to blame for: {@code of(Kind.CONFLICT, IncidentRefusals.NOT_OPEN, title)}. */
    public static Refusal of(Kind kind, Reason reason, Object... arguments) {
        return of(kind, List.of(), reason, arguments);
    }

    /** A refusal with its own text for the whole, and the fields at fault. */
    public static Refusal of(Kind kind, List<FieldProblem> fields, Reason reason, Object... arguments) {
        return new Refusal(
                kind,
                format(reason.template(), arguments),
                fields,
                reason.code(),
                reason.template(),
                List.of(arguments));
    }

    /** A refusal of several fields, its text their problems joined: {@code name: is already taken; key: ...}. */
    public static Refusal ofProblems(Kind kind, List<FieldProblem> fields) {
        return of(
                kind,
                fields,
                SharedRefusals.GIVEN_TEXT,
                String.join(
                        "; ",
                        fields.stream()
                                .map(problem -> problem.field() + ": " + problem.message())
                                .toList()));
    }

    /** This refusal as the problem of another field, in its words: a refused answer among a report's answers. */
    public FieldProblem asProblemOf(String field) {
        return new FieldProblem(field, message, code, template, arguments);
    }

    /** A refusal of one field: {@code invalid("password", SharedRefusals.TOO_SHORT, 12)}. */
    public static Refusal invalid(String field, Reason reason, Object... arguments) {
        return ofField(Kind.INVALID, FieldProblem.of(field, reason, arguments));
    }

    /** A conflict of one field, as for {@link #invalid(String, Reason, Object...)}. */
    public static Refusal conflict(String field, Reason reason, Object... arguments) {
        return ofField(Kind.CONFLICT, FieldProblem.of(field, reason, arguments));
    }

    /** A conflict no one field is to blame for. */
    public static Refusal conflict(Reason reason, Object... arguments) {
        return of(Kind.CONFLICT, reason, arguments);
    }

    /** A refusal of what the caller may see but not do. */
    public static Refusal forbidden(Reason reason, Object... arguments) {
        return of(Kind.FORBIDDEN, reason, arguments);
    }

    /** A field larger than a configured limit allows. */
    public static Refusal tooLarge(String field, Reason reason, Object... arguments) {
        return ofField(Kind.TOO_LARGE, FieldProblem.of(field, reason, arguments));
    }

    /** An object that does not exist or that the caller may not see: {@code notFound("team " + id)}. */
    public static Refusal notFound(String what) {
        return of(Kind.NOT_FOUND, SharedRefusals.NOT_FOUND, what);
    }

    public static Refusal throttled(Duration wait) {
        // the seconds as text, so that a translation shows them without grouping (1000, not 1,000)
        return of(Kind.THROTTLED, SharedRefusals.THROTTLED, String.valueOf(Math.max(1, wait.toSeconds())));
    }

    /** For a throttled refusal, how long the caller must wait before trying again (an HTTP Retry-After). */
    public Optional<Duration> retryAfter() {
        return kind == Kind.THROTTLED
                        && code.equals(SharedRefusals.THROTTLED.code())
                        && arguments.get(0) instanceof String seconds
                ? Optional.of(Duration.ofSeconds(Long.parseLong(seconds)))
                : Optional.empty();
    }

    public static Refusal stale(long expectedVersion, long storedVersion) {
        String expected = String.valueOf(expectedVersion);
        String stored = String.valueOf(storedVersion);
        return of(
                Kind.STALE,
                List.of(FieldProblem.of("version", SharedRefusals.STALE_VERSION, expected, stored)),
                SharedRefusals.STALE,
                expected,
                stored);
    }

    /**
     * The text of a template with its arguments, formatted as {@link MessageFormat} does in English; a template
     * without arguments is the text itself, quotes and all, as Spring's message sources take it.
     */
    public static String format(String template, Object... arguments) {
        return arguments.length == 0 ? template : new MessageFormat(template, Locale.ENGLISH).format(arguments);
    }

    /** A body of a media type the endpoint does not read: {@code unsupportedMediaType("Content-Type", ...)}. */
    public static Refusal unsupportedMediaType(String field, Reason reason, Object... arguments) {
        return ofField(Kind.UNSUPPORTED_MEDIA_TYPE, FieldProblem.of(field, reason, arguments));
    }

    private static Refusal ofField(Kind kind, FieldProblem problem) {
        return new Refusal(
                kind,
                problem.field() + ": " + problem.message(),
                List.of(problem),
                problem.code(),
                problem.field() + ": " + problem.template(),
                problem.arguments());
    }
}
