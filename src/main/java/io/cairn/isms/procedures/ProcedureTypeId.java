package io.cairn.isms.procedures;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies a procedure type; its key is the name admins use, this id never changes. */
public record ProcedureTypeId(UUID value) {

    public static ProcedureTypeId random() {
        return new ProcedureTypeId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProcedureTypeId valueOf(String text) {
        return new ProcedureTypeId(UuidText.parse(text, "a procedure type id"));
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
