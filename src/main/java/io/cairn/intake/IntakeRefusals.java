package io.cairn.intake;

import io.cairn.shared.Refusal;

/** The reasons for which the intake module refuses a command. */
enum IntakeRefusals implements Refusal.Reason {
    QUESTION_KEY_TWICE("intake.question-key-twice", "''{0}'' is used twice"),
    CHOICE_NEEDS_OPTIONS("intake.choice-needs-options", "a choice needs at least two options"),
    OPTION_VALUE_TWICE("intake.option-value-twice", "the value ''{0}'' is used twice"),
    OPTIONS_ONLY_FOR_CHOICE("intake.options-only-for-choice", "only a choice question has options"),
    FILE_QUESTION_REQUIRED(
            "intake.file-question-required",
            "a file question cannot be required: a reporter on a phone may have no file to give"),
    NOT_A_CATEGORY("intake.not-a-category", "is not an RSIT class and type"),
    NOT_A_TEMPLATE_KEY("intake.not-a-template-key", "must be 1 to 40 lower-case letters, digits or dashes"),
    NOT_EVERY_TEMPLATE("intake.not-every-template", "must list every template once: {0}"),
    TIPS_UNEVEN("intake.tips-uneven", "give as many Dutch tips as English ones, one a line ({0} English, {1} Dutch)"),
    NOT_AN_OPTION_LINE("intake.not-an-option-line", "write each option as value | English | Dutch: ''{0}''"),
    NOT_A_TEMPLATE("intake.not-a-template", "''{0}'' is not a template you can report with"),
    NOT_A_TIME_ZONE("intake.not-a-time-zone", "is not a time zone such as Europe/Amsterdam"),
    NOT_A_QUESTION("intake.not-a-question", "is not a question of this template"),
    NOT_A_FILE_QUESTION("intake.not-a-file-question", "is not a file question of this template"),
    NOT_A_DATE_TIME("intake.not-a-date-time", "is not a date and time, such as 2026-11-22T09:30"),
    FILE_ANSWER_IS_UPLOAD("intake.file-answer-is-upload", "is answered by uploading a file, not by text"),
    NOT_YOUR_DEVICE("intake.not-your-device", "is not one of your registered devices; describe the device instead"),
    /** The size limit as text ({@code 25 MB}) and the setting that holds it. */
    FILE_TOO_LARGE("intake.file-too-large", "is larger than the limit of {0} (cairn.intake.max-attachment-size)"),
    FILE_EMPTY("intake.file-empty", "is empty"),
    /** The type sniffed from the content, such as {@code application/x-msdownload}. */
    FILE_IS_PROGRAM(
            "intake.file-is-program",
            "is a program ({0}); programs and scripts are not accepted, send a screenshot or a description instead"),
    /** The limit as text, so that no translation groups its digits. */
    REPLY_LENGTH("intake.reply-length", "must be 1 to {0} characters"),
    NOT_A_FOLLOW_UP_CODE("intake.not-a-follow-up-code", "is not a follow-up code; check it and try again"),
    FOLLOW_UP_CODE_EXPIRED("intake.follow-up-code-expired", "has expired; report again if you need to"),
    NOT_A_FOLLOW_UP_CODE_FORM("intake.not-a-follow-up-code-form", "must be a follow-up code of at most 40 characters"),
    NOT_A_SOURCE_KEY(
            "intake.not-a-source-key", "must be 1 to 100 lower-case letters, digits, dots, dashes or underscores"),
    TOO_MANY_SENDERS("intake.too-many-senders", "at most {0} senders"),
    NOT_A_LOGIN_NAME("intake.not-a-login-name", "''{0}'' is not the login name of a user"),
    UNKNOWN_SOURCE(
            "intake.unknown-source",
            "is not a registered, enabled alert source that you may send for; "
                    + "an admin registers sources and their senders"),
    VERSION_REQUIRED("intake.version-required", "is required: the version you read");

    private final String code;
    private final String template;

    IntakeRefusals(String code, String template) {
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
