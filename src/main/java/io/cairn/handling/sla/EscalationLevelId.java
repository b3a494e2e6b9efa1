package io.cairn.handling.sla;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies an escalation level. */
public record EscalationLevelId(UUID value) {

    public static EscalationLevelId random() {
        return new EscalationLevelId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EscalationLevelId valueOf(String text) {
        return new EscalationLevelId(UuidText.parse(text, "an escalation level id"));
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
