package io.cairn.knowledge;

import io.cairn.incidents.IncidentId;
import java.time.Instant;
import java.util.List;

/**
 * An incident that recurs: the earlier incidents it resembles within the recurrence window, and why.
 */
record Recurrence(IncidentId incident, String reference, String title, Instant reportedAt, List<Earlier> earlier) {

    Recurrence {
        earlier = List.copyOf(earlier);
    }

    /**
     * An earlier incident this one resembles.
     *
     * @param reasons {@code same-asset}, {@code similar-text}, {@code same-root-cause}
     */
    record Earlier(
            IncidentId incident,
            String reference,
            String title,
            Instant reportedAt,
            List<String> reasons,
            double score) {

        Earlier {
            reasons = List.copyOf(reasons);
        }
    }
}
