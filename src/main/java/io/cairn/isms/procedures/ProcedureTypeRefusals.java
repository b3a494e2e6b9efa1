package io.cairn.isms.procedures;

import io.cairn.shared.Refusal;

/** The reasons for which a procedure type an admin wrote (or Cairn ships) is refused. */
enum ProcedureTypeRefusals implements Refusal.Reason {
    NOT_A_KEY("isms.not-a-key", "must be 1 to 60 lower-case letters, digits and dashes"),
    KEY_TAKEN("isms.key-taken", "a procedure type with the key ''{0}'' exists already"),
    TEXT_LENGTH("isms.text-length", "must be 1 to {0} characters"),
    TOO_MANY("isms.too-many", "at most {0}"),
    NO_PHASES("isms.no-phases", "a procedure needs at least one phase"),
    NO_STEPS("isms.no-steps", "a procedure needs at least one step"),
    KEY_TWICE("isms.key-twice", "''{0}'' is the key of an earlier one too"),
    PHASE_WITHOUT_STEPS("isms.phase-without-steps", "the phase ''{0}'' has no steps"),
    CHOICE_WITHOUT_OPTIONS("isms.choice-without-options", "a choice needs at least one option"),
    OPTIONS_ONLY_FOR_CHOICE("isms.options-only-for-choice", "only a choice has options"),
    STEP_PHASE("isms.step-phase", "step {0} belongs to ''{1}'', which is not a phase of this procedure"),
    STEP_TEAM_DOES_NOT_EXIST(
            "isms.step-team-does-not-exist", "step {0} is assigned to team ''{1}'', which does not exist"),
    STEP_NOT_AN_ARTICLE(
            "isms.step-not-an-article", "step {0}: ''{1}'' is neither a knowledge article slug nor a web address"),
    STEP_NOT_A_FIELD("isms.step-not-a-field", "step {0}: ''{1}'' is not a field of the form"),
    STEP_NOT_A_CONTROL(
            "isms.step-not-a-control",
            "step {0}: ''{1}'' is not a control of ISO/IEC 27001:2022 Annex A (5.1 to 8.34)"),
    APPROVER_NOT_A_PERSON(
            "isms.approver-not-a-person", "step {0}: the approver ''{1}'' is not a person field of the form"),
    APPROVER_ONLY_FOR_APPROVAL("isms.approver-only-for-approval", "step {0} is no approval: it has no approver"),
    NOT_A_DURATION("isms.not-a-duration", "''{0}'' is not a duration such as PT4H or P2D"),
    DUE_OUT_OF_RANGE("isms.due-out-of-range", "must be from 0 to 365 days"),
    NOT_A_DATE_FIELD("isms.not-a-date-field", "''{0}'' is not a date field of the form");

    private final String code;
    private final String template;

    ProcedureTypeRefusals(String code, String template) {
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
