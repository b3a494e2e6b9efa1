package io.cairn.incidents;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An incident's VERIS description as staff read it, with the incident's version a change must name.
 *
 * @param description empty when nobody described the incident
 * @param recordedAt when the description was last recorded; absent when there is none
 * @param suggestedAction the action the incident's RSIT category suggests, offered while no action is described
 */
public record VerisView(
        IncidentId incident,
        long version,
        VerisDescription description,
        @Nullable Instant recordedAt,
        @Nullable SuggestedAction suggestedAction) {

    /** An action category, and a variety when the RSIT type tells it. */
    public record SuggestedAction(String category, @Nullable String variety) {}
}
