package io.cairn.isms.schedules;

import io.cairn.shared.Refusal;

/** The reasons for which a schedule, or a change of one, is refused. */
enum ScheduleRefusals implements Refusal.Reason {
    NOT_A_RULE("isms.schedule.not-a-rule", "is not an RFC 5545 recurrence rule: {0}"),
    NEVER_FIRES(
            "isms.schedule.never-fires", "never fires: the rule has no occurrence within ten years from the first day"),
    NO_MORE_OCCURRENCES("isms.schedule.no-more-occurrences", "fires no more: its last occurrence has passed"),
    UNTIL_BEFORE_FIRST_DAY("isms.schedule.until-before-first-day", "UNTIL {0} lies before the first day {1}"),
    COUNT_ZERO("isms.schedule.count-zero", "COUNT must be at least 1"),
    FINER_THAN_DAILY(
            "isms.schedule.finer-than-daily",
            "fires more often than daily ({0}): procedures start at most once a day, at the time given"),
    TIME_IN_RULE(
            "isms.schedule.time-in-rule",
            "{0} sets times of day; the time of day is the field time, one a day at most"),
    NOT_A_ZONE("isms.schedule.not-a-zone", "''{0}'' is not a time zone such as Europe/Amsterdam"),
    NOT_A_TIME("isms.schedule.not-a-time", "''{0}'' is not a time of day as HH:mm, such as 09:00"),
    NOT_A_DAY("isms.schedule.not-a-day", "''{0}'' is not a date as yyyy-MM-dd"),
    NO_SUCH_CALENDAR("isms.schedule.no-such-calendar", "there is no business-hour calendar ''{0}''"),
    NOT_A_POLICY("isms.schedule.not-a-policy", "must be next-working-day or skip"),
    NO_SUCH_TYPE("isms.schedule.no-such-type", "there is no procedure type ''{0}''"),
    TYPE_RETIRED("isms.schedule.type-retired", "the procedure type ''{0}'' is retired: no new runs start from it"),
    OWNER_NOT_ENABLED("isms.schedule.owner-not-enabled", "''{0}'' is not an enabled user"),
    NOT_A_FIELD("isms.schedule.not-a-field", "is not a field of the form of ''{0}''"),
    VALUE_REQUIRED("isms.schedule.value-required", "the form of ''{0}'' requires it"),
    VALUE_NOT_A_USER("isms.schedule.value-not-a-user", "''{0}'' is not an enabled user"),
    VALUE_NOT_A_DATE("isms.schedule.value-not-a-date", "''{0}'' is not a date as yyyy-MM-dd"),
    VALUE_NOT_AN_OPTION("isms.schedule.value-not-an-option", "''{0}'' is not one of {1}"),
    VALUE_TOO_LONG("isms.schedule.value-too-long", "must be at most 4000 characters"),
    FIRED_ALREADY(
            "isms.schedule.fired-already",
            "the schedule ''{0}'' has started runs: pause it instead, so that its history stays"),
    PAUSED_ALREADY("isms.schedule.paused-already", "the schedule ''{0}'' is paused already"),
    ACTIVE_ALREADY("isms.schedule.active-already", "the schedule ''{0}'' is active already"),
    NO_RUNS_HERE("isms.schedule.no-runs-here", "runs cannot be started here"),
    RUN_FAILED("isms.schedule.run-failed", "the run failed to start; the server's log says why"),
    TOO_MANY_DUE(
            "isms.schedule.too-many-due",
            "more than {0} occurrences were due at once (after downtime): only the latest {0} started"),
    WAS_PAUSED("isms.schedule.was-paused", "the schedule was paused");

    private final String code;
    private final String template;

    ScheduleRefusals(String code, String template) {
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
