package io.cairn.federation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An incident a provider published to this instance, as the incident page shows it beside the local record: the
 * provider, the version applied, the incident as the provider last stated it, and what that version changed.
 *
 * @param snapshot the incident part of the last version applied
 * @param lastChanges what the last version changed, {@code field: old -> new}; empty for the first
 * @param retractedAt when the provider retracted it, if it did
 */
public record ReceivedIncidentView(
        String provider,
        long version,
        ExchangeMessage.Incident snapshot,
        List<String> lastChanges,
        Instant receivedAt,
        Instant updatedAt,
        @Nullable Instant retractedAt,
        @Nullable String retractionReason) {

    public ReceivedIncidentView {
        lastChanges = List.copyOf(lastChanges);
    }
}
