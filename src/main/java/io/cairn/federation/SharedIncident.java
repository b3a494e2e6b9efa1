package io.cairn.federation;

import io.cairn.incidents.Category;
import io.cairn.incidents.Determination;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Severity;
import io.cairn.incidents.Status;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An incident as an instance shares it, in this instance's own types: what the incidents module holds of it (title,
 * description as the summary, category, status, determination, severity, times, marking) and what federation keeps
 * beside it ({@link Sharing}). A publisher makes it from its {@link IncidentView}; a receiver keeps it as it came.
 *
 * @param exchangeId the id minted for the exchange, never the incident's own id
 * @param version the version of what is shared, higher for every later message
 */
public record SharedIncident(
        UUID exchangeId,
        long version,
        String title,
        String summary,
        Category category,
        Status status,
        Determination determination,
        Severity severity,
        @Nullable Instant occurredAt,
        @Nullable Instant detectedAt,
        Instant updatedAt,
        Tlp tlp,
        Pap pap,
        Sharing sharing) {

    /**
     * What federation keeps beside the incident for sharing it.
     *
     * @param hopBudget how many more times it may be relayed
     * @param extensions namespaced values kept and relayed unchanged
     */
    public record Sharing(
            List<ExchangeMessage.AffectedService> affectedServices,
            List<String> recommendedActions,
            List<ExchangeMessage.Indicator> indicators,
            ExchangeMessage.@Nullable PersonalData personalData,
            int hopBudget,
            ExchangeMessage.Provenance provenance,
            Map<String, JsonNode> extensions) {

        public Sharing {
            affectedServices = List.copyOf(affectedServices);
            recommendedActions = List.copyOf(recommendedActions);
            indicators = List.copyOf(indicators);
            extensions = Map.copyOf(extensions);
        }
    }

    /** The incident as its publisher shares it: its view, under an exchange id and version, with what is beside it. */
    public static SharedIncident of(IncidentView view, UUID exchangeId, long version, Sharing sharing) {
        return new SharedIncident(
                exchangeId,
                version,
                view.title(),
                view.description(),
                view.category(),
                view.status(),
                view.determination(),
                view.severity(),
                view.occurredAt(),
                view.detectedAt(),
                view.updatedAt(),
                view.tlp(),
                view.pap(),
                sharing);
    }
}
