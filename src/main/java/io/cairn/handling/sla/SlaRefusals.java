package io.cairn.handling.sla;

import io.cairn.shared.Refusal;

/** The reasons for which handling's SLAs (calendars, policies, escalation levels and clocks) refuse a command. */
enum SlaRefusals implements Refusal.Reason {
    /** The name of a calendar or an escalation level. */
    NAME_LENGTH("sla.name-length", "needs 1 to 80 characters"),
    ZONE_REQUIRED("sla.zone-required", "is required, for example Europe/Amsterdam"),
    NOT_A_ZONE("sla.not-a-zone", "''{0}'' is not a time zone, for example Europe/Amsterdam"),
    NOT_A_WEEKDAY("sla.not-a-weekday", "is not a weekday (monday ... sunday)"),
    NOT_A_DATE("sla.not-a-date", "''{0}'' is not a date (yyyy-MM-dd)"),
    NOT_A_STRETCH("sla.not-a-stretch", "''{0}'' is not a stretch of hours such as 09:00-17:00"),
    HOURS_END_BEFORE_START("sla.hours-end-before-start", "the hours {0} end before they start"),
    HOURS_OVERLAP("sla.hours-overlap", "the hours {0} and {1} overlap"),
    NO_WORKING_HOURS("sla.no-working-hours", "needs working hours on at least one day"),
    DURATION_REQUIRED("sla.duration-required", "is required, for example PT4H or 4h"),
    NOT_A_DURATION("sla.not-a-duration", "''{0}'' is not a duration such as PT4H or 4h"),
    NOT_POSITIVE("sla.not-positive", "must be positive"),
    DURATION_TOO_LONG("sla.duration-too-long", "must be at most 366 days"),
    NOT_WHOLE_SECONDS("sla.not-whole-seconds", "must be whole seconds"),
    RESOLUTION_BEFORE_RESPONSE("sla.resolution-before-response", "must not be shorter than the response target"),
    CALENDAR_DOES_NOT_EXIST("sla.calendar-does-not-exist", "calendar {0} does not exist"),
    LEVEL_DOES_NOT_EXIST("sla.level-does-not-exist", "escalation level {0} does not exist"),
    STOPS_THE_CLOCKS_ANYWAY(
            "sla.stops-the-clocks-anyway",
            "''{0}'' stops the clocks anyway; only statuses of an open incident can pause them"),
    NOT_A_PRIORITY("sla.not-a-priority", "''{0}'' is not one of {1}"),
    NOT_A_NOTIFY_KIND("sla.not-a-notify-kind", "must be team, role or user"),
    NOT_A_TEAM("sla.not-a-team", "''{0}'' is not a team (its id or name)"),
    NOT_A_ROLE("sla.not-a-role", "''{0}'' is not a role such as coordinator"),
    NOT_A_USER("sla.not-a-user", "''{0}'' is not a user''s login name"),
    LEVEL_CYCLE("sla.level-cycle", "the escalation levels {0} would form a cycle"),
    LEVEL_IN_USE(
            "sla.level-in-use",
            "an SLA policy or another escalation level leads to this level; point it elsewhere first"),
    CALENDAR_IN_USE(
            "sla.calendar-in-use", "an SLA policy counts on this calendar; give the policy another calendar first"),
    NO_BREACH_TO_ACKNOWLEDGE(
            "sla.no-breach-to-acknowledge", "the incident has no breach waiting for an acknowledgement"),
    MAY_NOT_ACKNOWLEDGE(
            "sla.may-not-acknowledge",
            "only the owner, a coordinator or someone the breach was sent to may acknowledge it");

    private final String code;
    private final String template;

    SlaRefusals(String code, String template) {
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
