package io.cairn.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies a knowledge article; its slug is the address people use, this id never changes. */
public record ArticleId(UUID value) {

    public static ArticleId random() {
        return new ArticleId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ArticleId valueOf(String text) {
        return new ArticleId(UuidText.parse(text, "an article id"));
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
