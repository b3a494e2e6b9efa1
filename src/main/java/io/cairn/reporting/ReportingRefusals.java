package io.cairn.reporting;

import io.cairn.shared.Refusal;

/** The reasons for which reporting refuses a request. */
enum ReportingRefusals implements Refusal.Reason {
    ONLY_READERS_READ(
            "reporting.only-readers-read",
            "only coordinators, admins and auditors read metrics; handlers read those of their own teams"),
    NOT_A_DAY("reporting.not-a-day", "''{0}'' is not a day (yyyy-mm-dd)"),
    END_BEFORE_START("reporting.end-before-start", "{0} lies before the start, {1}"),
    TOO_LONG("reporting.too-long", "a period spans at most {0} years"),
    TOO_MANY_PERIODS("reporting.too-many-periods", "the period holds {0} of these, more than {1}: choose a longer one"),
    UNKNOWN_VALUE("reporting.unknown-value", "''{0}'' is not one of {1}"),
    UNKNOWN_THING("reporting.unknown-thing", "''{0}'' is no id that exists here"),
    REPEATED("reporting.repeated", "give it once"),
    NOT_A_LIMIT("reporting.not-a-limit", "''{0}'' is not a number of rows from 1 to {1}"),
    UNKNOWN_PARAMETER("reporting.unknown-parameter", "''{0}'' is not a filter of this metric; the filters are {1}"),
    SHOWN_BY_DATA(
            "reporting.shown-by-data", "''{0}'' is shown by the data; only a practice data cannot show is recorded"),
    DAY_PASSED("reporting.day-passed", "{0} has passed: a record that no longer holds would show nothing"),
    NOT_RECORDED("reporting.not-recorded", "no record of this practice is stored any more; reload and try again");

    private final String code;
    private final String template;

    ReportingRefusals(String code, String template) {
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
