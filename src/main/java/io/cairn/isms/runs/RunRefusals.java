package io.cairn.isms.runs;

import io.cairn.shared.Refusal;

/** The reasons for which starting a run, moving it on or acting on one of its steps is refused. */
enum RunRefusals implements Refusal.Reason {
    TYPE_RETIRED("isms.run.type-retired", "the procedure type ''{0}'' is retired: no new runs start from it"),
    NOT_A_FORM_FIELD("isms.run.not-a-form-field", "is not a field of the form of ''{0}''"),
    NOT_A_DATE("isms.run.not-a-date", "''{0}'' is not a date such as 2026-12-31"),
    NOT_AN_ENABLED_USER("isms.run.not-an-enabled-user", "''{0}'' is not the user name of an enabled user"),
    APPROVER_IS_REQUESTER(
            "isms.run.approver-is-requester",
            "names {0}, who requests this run: the approver of ''{1}'' must be someone else"),
    RUN_NOT_OPEN("isms.run.not-open", "the run {0} is not open"),
    MANDATORY_STEPS_OPEN(
            "isms.run.mandatory-steps-open",
            "the phase ''{0}'' cannot be left while these mandatory steps are open: {1}"),
    STEP_NOT_OPEN("isms.run.step-not-open", "the step ''{0}'' is not open"),
    STEP_WAITING("isms.run.step-waiting", "the step ''{0}'' belongs to a phase that has not started"),
    STEP_MANDATORY("isms.run.step-mandatory", "the step ''{0}'' is mandatory and cannot be skipped"),
    STEP_IS_APPROVAL("isms.run.step-is-approval", "the step ''{0}'' is an approval: approve or reject it"),
    STEP_IS_TASK("isms.run.step-is-task", "the step ''{0}'' is a task, not an approval"),
    REQUESTER_MAY_NOT_APPROVE(
            "isms.run.requester-may-not-approve", "you requested this run, so someone else must decide ''{0}''"),
    NOT_THE_APPROVER("isms.run.not-the-approver", "you are not an approver of ''{0}''"),
    NOT_YOUR_STEP("isms.run.not-your-step", "''{0}'' is for another team"),
    NEEDS_OWNER("isms.run.needs-owner", "only the run''s owner, a coordinator or an admin may {0}");

    private final String code;
    private final String template;

    RunRefusals(String code, String template) {
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
