package io.cairn.isms.runs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies a run of a security procedure; people name it by its reference, such as {@code PRC-12}. */
public record ProcedureRunId(UUID value) {

    public static ProcedureRunId random() {
        return new ProcedureRunId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProcedureRunId valueOf(String text) {
        return new ProcedureRunId(UuidText.parse(text, "a procedure run id"));
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
