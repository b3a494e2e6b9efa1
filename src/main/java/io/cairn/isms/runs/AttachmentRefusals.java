package io.cairn.isms.runs;

import io.cairn.shared.Refusal;

/** The reasons for which a file is not attached to a step of a run. */
enum AttachmentRefusals implements Refusal.Reason {
    FILE_TOO_LARGE("isms.attachment.file-too-large", "is larger than the limit of {0}"),
    FILE_EMPTY("isms.attachment.file-empty", "is empty"),
    DESCRIPTION_TOO_LONG("isms.attachment.description-too-long", "is longer than {0} characters"),
    NOT_YOURS("isms.attachment.not-yours", "only those who may do or decide ''{0}'' attach files to it"),
    STEP_CLOSED(
            "isms.attachment.step-closed", "the step ''{0}'' is {1}: its attachments stay as they were when it closed"),
    STEP_WAITING("isms.attachment.step-waiting", "the step ''{0}'' belongs to a phase that has not started"),
    RUN_CLOSED("isms.attachment.run-closed", "the run {0} is {1}: the attachments of its steps stay as they were");

    private final String code;
    private final String template;

    AttachmentRefusals(String code, String template) {
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
