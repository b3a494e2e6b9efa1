package io.cairn.shared;

import java.util.List;

/**
 * Why a command was not carried out, in words a user can act on.
 *
 * @param kind what sort of refusal it is; the web boundary turns it into a status
 * @param message the reason, as the user reads it
 * @param fields the fields at fault and what is wrong with each; empty when no one field is to blame
 */
public record Refusal(Kind kind, String message, List<FieldProblem> fields) {

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

    /** One field at fault. */
    public record FieldProblem(String field, String message) {}

    public Refusal {
        fields = List.copyOf(fields);
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, field + ": " + message, List.of(new FieldProblem(field, message)));
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

    public static Refusal conflict(String field, String message) {
        return new Refusal(Kind.CONFLICT, field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public static Refusal throttled(java.time.Duration wait) {
        return new Refusal(Kind.THROTTLED, "too many attempts; try again in " + Math.max(1, wait.toSeconds())
                + " seconds", List.of());
    }

    public static Refusal tooLarge(String field, String message) {
        return new Refusal(Kind.TOO_LARGE, field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public static Refusal stale(long expectedVersion, long storedVersion) {
        return new Refusal(Kind.STALE, "version: you changed version " + expectedVersion
                + " but version " + storedVersion + " is stored; reload and try again",
                List.of(new FieldProblem("version", "is " + expectedVersion + ", stored is " + storedVersion)));
    }
}
