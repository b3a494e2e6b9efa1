package io.cairn.isms.controls;

import io.cairn.shared.Refusal;

/** The reasons for which the evidence of a control is refused. */
enum ControlEvidenceRefusals implements Refusal.Reason {
    NOT_ALLOWED(
            "isms.evidence-export.not-allowed", "only auditors, coordinators and admins read the evidence of controls"),
    UNKNOWN_CONTROL("isms.evidence-export.unknown-control", "''{0}'' is not a control of ISO/IEC 27001:2022 Annex A"),
    NOT_A_DATE("isms.evidence-export.not-a-date", "''{0}'' is not a date such as 2026-12-31"),
    TO_BEFORE_FROM("isms.evidence-export.to-before-from", "lies before the start of the period, {0}"),
    PERIOD_TOO_LONG("isms.evidence-export.period-too-long", "makes the period longer than {0} years"),
    NOT_A_PROCEDURE_TYPE("isms.evidence-export.not-a-procedure-type", "''{0}'' is not a procedure type"),
    CALENDAR_REQUIRED(
            "isms.evidence-export.calendar-required",
            "is required with withinWorkingDays: the calendar whose working days count"),
    NO_SUCH_CALENDAR("isms.evidence-export.no-such-calendar", "there is no business-hour calendar ''{0}''"),
    TOO_MANY_FOR_PDF(
            "isms.evidence-export.too-many-for-pdf",
            "the period holds {0} runs, more than a PDF shows ({1}): choose a shorter period or take the CSV");

    private final String code;
    private final String template;

    ControlEvidenceRefusals(String code, String template) {
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
