package io.cairn.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/**
 * Identifies a legal entity of the organisation: a company or body with its own legal duties. Business units belong to
 * one; the compliance module keeps each entity's regulatory profile.
 */
public record LegalEntityId(UUID value) {

    public static LegalEntityId random() {
        return new LegalEntityId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static LegalEntityId valueOf(String text) {
        return new LegalEntityId(UuidText.parse(text, "a legal entity id"));
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
