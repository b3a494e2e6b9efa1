package io.cairn.handling.procedures;

import io.cairn.shared.Refusal;

/** The reasons for which handling's procedures (playbooks, their runs and the tasks of incidents) refuse a command. */
enum ProcedureRefusals implements Refusal.Reason {
    CLOSE_WITH_OPEN_STEPS(
            "procedure.close-with-open-steps",
            "The incident cannot be closed while these mandatory steps are open: {0}"),
    LEAVE_ANALYSIS_WITH_OPEN_STEPS(
            "procedure.leave-analysis-with-open-steps",
            "Analysis cannot be left while these mandatory steps are open: {0}"),
    LEAVE_CONTAINMENT_WITH_OPEN_STEPS(
            "procedure.leave-containment-with-open-steps",
            "Containment cannot be left while these mandatory steps are open: {0}"),
    LEAVE_ERADICATION_WITH_OPEN_STEPS(
            "procedure.leave-eradication-with-open-steps",
            "Eradication cannot be left while these mandatory steps are open: {0}"),
    LEAVE_RECOVERY_WITH_OPEN_STEPS(
            "procedure.leave-recovery-with-open-steps",
            "Recovery cannot be left while these mandatory steps are open: {0}"),
    LEAVE_REVIEW_WITH_OPEN_STEPS(
            "procedure.leave-review-with-open-steps",
            "Review cannot be left while these mandatory steps are open: {0}"),
    MANDATORY("procedure.mandatory", "''{0}'' is mandatory and cannot be skipped"),
    SKIPPING_NEEDS_REASON("procedure.skipping-needs-reason", "skipping a step needs a reason"),
    OPEN_ALREADY("procedure.open-already", "''{0}'' is open already"),
    NOT_OPEN("procedure.not-open", "''{0}'' is not open"),
    /** The name of a playbook or the title of a task. */
    TEXT_LENGTH("procedure.text-length", "must be 1 to 200 characters"),
    LIES_IN_THE_PAST("procedure.lies-in-the-past", "lies in the past"),
    KEY_TAKEN("procedure.key-taken", "a playbook with the key ''{0}'' exists already"),
    NOT_A_KEY("procedure.not-a-key", "must be 1 to 60 lower-case letters, digits and dashes"),
    NO_CATEGORY("procedure.no-category", "name at least one RSIT category"),
    NOT_A_CATEGORY("procedure.not-a-category", "''{0}'' is not an RSIT class or class/type"),
    NOT_A_TEMPLATE_KEY(
            "procedure.not-a-template-key",
            "''{0}'' is not a report template key (lower-case letters, digits and dashes)"),
    NO_STEPS("procedure.no-steps", "a playbook needs at least one step"),
    STEP_TEAM_DOES_NOT_EXIST(
            "procedure.step-team-does-not-exist", "step {0} is assigned to team ''{1}'', which does not exist"),
    STEP_PHASE(
            "procedure.step-phase", "step {0} must belong to analysis, containment, eradication, recovery or review"),
    STEP_TITLE_LENGTH("procedure.step-title-length", "step {0} needs a title of 1 to 200 characters"),
    STEP_DESCRIPTION_TOO_LONG(
            "procedure.step-description-too-long", "step {0}: the description must be at most 5000 characters"),
    STEP_NOT_AN_ARTICLE(
            "procedure.step-not-an-article", "step {0}: ''{1}'' is neither a knowledge article slug nor a web address"),
    STEP_DUE_NOT_A_DURATION(
            "procedure.step-due-not-a-duration", "step {0}: ''{1}'' is not a duration such as PT4H or P2D"),
    STEP_DUE_NEGATIVE(
            "procedure.step-due-negative",
            "step {0}: the due offset {1} is negative; it counts from the start of the phase"),
    STEP_DUE_TOO_LONG("procedure.step-due-too-long", "step {0}: the due offset may be at most 365 days"),
    CATEGORY_HAS_PLAYBOOK(
            "procedure.category-has-playbook",
            "''{0}'' already has the playbook ''{1}''; retire it or change its categories first");

    private final String code;
    private final String template;

    ProcedureRefusals(String code, String template) {
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
