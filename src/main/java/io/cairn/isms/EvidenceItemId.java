package io.cairn.isms;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** The id of an evidence item of an incident. */
public record EvidenceItemId(UUID value) {

    public static EvidenceItemId random() {
        return new EvidenceItemId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EvidenceItemId valueOf(String text) {
        return new EvidenceItemId(UuidText.parse(text, "an evidence item id"));
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
