package io.cairn.incidents;

import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Tlp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the incident list.
 *
 * @param receivedFrom the name of the provider peer that published it to this instance; null when reported here
 * @param relayed whether this instance relayed it (received from a provider) to its customers
 */
record IncidentSummary(
        IncidentId id,
        String reference,
        String title,
        Category category,
        String priority,
        int priorityLevel,
        Status status,
        Tlp tlp,
        boolean confidential,
        @Nullable UserId owner,
        @Nullable TeamId team,
        Instant reportedAt,
        Instant updatedAt,
        @Nullable String receivedFrom,
        boolean relayed) {}
