package io.cairn.federation;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentPageSection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.core.type.TypeReference;

/**
 * The incident page's section of an incident a provider published to this instance: "As the provider states it", the
 * provider's latest version beside the local record, with what that version changed and whether the provider
 * retracted it; empty for any other incident, and for a reader who may not see the incident.
 */
@Controller
class ReceivedIncidentSection implements IncidentPageSection {

    private static final TypeReference<List<String>> CHANGES = new TypeReference<>() {};

    private final IncidentManagement incidents;
    private final ReceivedMessages store;
    private final Relays relays;

    ReceivedIncidentSection(IncidentManagement incidents, ReceivedMessages store, Relays relays) {
        this.relays = relays;
        this.incidents = incidents;
        this.store = store;
    }

    @Override
    public String id() {
        return "received";
    }

    @Override
    public String path(IncidentId incident) {
        return "/incidents/" + incident + "/received";
    }

    @Override
    public Place place() {
        return Place.MAIN;
    }

    @Override
    public int order() {
        return 5;
    }

    @GetMapping("/incidents/{id}/received")
    String section(@PathVariable IncidentId id, Model model) {
        Optional<ReceivedIncidentView> received =
                incidents.incident(id).flatMap(visible -> store.ofIncident(id)).map(ReceivedIncidentSection::view);
        received.ifPresent(view -> {
            model.addAttribute("received", view);
            model.addAttribute("relayed", relays.wordsFollow(id).isPresent());
            model.addAttribute(
                    "categoryLabel",
                    incidents.categoryLabel(new io.cairn.incidents.Category(
                            view.snapshot().category().rsitClass(),
                            view.snapshot().category().type())));
        });
        return received.isPresent() ? "federation/received :: received" : "federation/received :: not-received";
    }

    private static ReceivedIncidentView view(ReceivedMessages.ReceivedIncident stored) {
        return new ReceivedIncidentView(
                stored.providerName(),
                stored.version(),
                ExchangeJson.MAPPER.readValue(stored.snapshot(), ExchangeMessage.Incident.class),
                ExchangeJson.MAPPER.readValue(stored.lastChanges(), CHANGES),
                stored.receivedAt(),
                stored.updatedAt(),
                stored.retractedAt(),
                stored.retractionReason());
    }
}
