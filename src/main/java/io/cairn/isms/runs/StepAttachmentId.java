package io.cairn.isms.runs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies one file attached to a step of a run. */
public record StepAttachmentId(UUID value) {

    public static StepAttachmentId random() {
        return new StepAttachmentId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StepAttachmentId valueOf(String text) {
        return new StepAttachmentId(UuidText.parse(text, "an attachment id"));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
