package io.cairn.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies a business unit. */
public record BusinessUnitId(UUID value) {

    public static BusinessUnitId random() {
        return new BusinessUnitId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BusinessUnitId valueOf(String text) {
        return new BusinessUnitId(UuidText.parse(text, "a business unit id"));
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
