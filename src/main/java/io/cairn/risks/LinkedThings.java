package io.cairn.risks;

import java.util.List;
import java.util.UUID;

/**
 * The incidents and assets linked to a risk that its reader may see.
 *
 * @param incidents the incidents in which it materialized or showed, in the order they were linked
 * @param assets the devices and services it threatens, in the order they were linked
 */
public record LinkedThings(List<LinkedIncident> incidents, List<LinkedAsset> assets) {

    public LinkedThings {
        incidents = List.copyOf(incidents);
        assets = List.copyOf(assets);
    }

    /** A linked incident, by its id, reference and title. */
    public record LinkedIncident(UUID id, String reference, String title) {}

    /**
     * A linked asset.
     *
     * @param kind {@code device} or {@code service}
     */
    public record LinkedAsset(String kind, UUID id, String name) {}
}
