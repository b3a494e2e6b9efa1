package io.cairn.incidents;

import java.time.Instant;
import java.util.List;

/**
 * An earlier incident that resembles another one, found by
 * {@link io.cairn.incidents.system.IncidentsForSystem#similarIncidents}.
 *
 * @param reasons why it resembles it: {@link #SAME_ASSET} and/or {@link #SIMILAR_TEXT}
 * @param score how alike the two are, from 0 to 1: 1 for the same asset, else the share of the other incident's
 *     significant words that this one contains
 */
public record SimilarIncident(
        IncidentId id, String reference, String title, Instant reportedAt, List<String> reasons, double score) {

    /** Both concern the same registered device. */
    public static final String SAME_ASSET = "same-asset";

    /** Both have the same category and most significant words of their title and description in common. */
    public static final String SIMILAR_TEXT = "similar-text";

    public SimilarIncident {
        reasons = List.copyOf(reasons);
    }
}
