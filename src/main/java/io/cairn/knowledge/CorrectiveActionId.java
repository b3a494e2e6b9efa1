package io.cairn.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies a corrective action of a post-incident review. */
public record CorrectiveActionId(UUID value) {

    public static CorrectiveActionId random() {
        return new CorrectiveActionId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CorrectiveActionId valueOf(String text) {
        return new CorrectiveActionId(UuidText.parse(text, "a corrective action id"));
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
