package io.cairn.handling.routing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.cairn.shared.UuidText;
import java.util.UUID;

/** Identifies a routing rule. */
public record RoutingRuleId(UUID value) {

    public static RoutingRuleId random() {
        return new RoutingRuleId(UUID.randomUUID());
    }

    /** Reads an id from its text form, as JSON bodies and URLs carry it. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RoutingRuleId valueOf(String text) {
        return new RoutingRuleId(UuidText.parse(text, "a routing rule id"));
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
