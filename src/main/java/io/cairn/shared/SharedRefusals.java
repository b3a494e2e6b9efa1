package io.cairn.shared;

/** The reasons for refusals that three or more modules give in the same words. */
public enum SharedRefusals implements Refusal.Reason {
    /** An object the caller may not know of, named in English ({@code team 3f2a...}). */
    NOT_FOUND("not-found", "{0} does not exist or is not visible to you"),
    THROTTLED("throttled", "too many attempts; try again in {0} seconds"),
    STALE("version-changed", "version: you changed version {0} but version {1} is stored; reload and try again"),
    STALE_VERSION("version-stored", "is {0}, stored is {1}"),
    /**
     * A text another part wrote and that is passed on as it is: a bean validation message, or the problems of a
     * refusal with several fields joined into one.
     */
    GIVEN_TEXT("given-text", "{0}"),
    /** The role the caller lacks, and what it would allow, in English ({@code create teams}). */
    NEEDS_ROLE("needs-role", "you need the role {0} to {1}"),
    REQUIRED("required", "is required"),
    MUST_NOT_BE_EMPTY("must-not-be-empty", "must not be empty"),
    ALREADY_TAKEN("already-taken", "is already taken"),
    LIES_IN_THE_FUTURE("lies-in-the-future", "lies in the future"),
    MUST_BE_ONE_OF("must-be-one-of", "must be one of {0}"),
    /** A number out of its range; the bounds are given as text, so that no translation groups their digits. */
    OUT_OF_RANGE("out-of-range", "must be from {0} to {1}"),
    /** A text that is too long; the limit is given as text, so that no translation groups its digits. */
    TOO_LONG("too-long", "must be at most {0} characters"),
    TOO_SHORT("too-short", "must be at least {0} characters"),
    NAME_LENGTH("name-length", "must be 1 to 100 characters"),
    USER_DOES_NOT_EXIST("user-does-not-exist", "user {0} does not exist"),
    TEAM_DOES_NOT_EXIST("team-does-not-exist", "team {0} does not exist"),
    BUSINESS_UNIT_DOES_NOT_EXIST("business-unit-does-not-exist", "business unit {0} does not exist");

    private final String code;
    private final String template;

    SharedRefusals(String code, String template) {
        this.code = code;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }
}
