package io.cairn.compliance;

import io.cairn.federation.PersonalDataBreachPublished;
import io.cairn.identity.Actor;
import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.ActorRef;
import io.cairn.shared.UuidText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A processor's notice to its controllers (GDPR Art 33(2)) is submitted when the incident that states the breach goes
 * out to them through the exchange, by a handler or a relay rule: the open {@code controller} stage of its GDPR
 * obligation gets a frozen submission through the {@code api}, to the customers told, with the incident's exchange id
 * as reference, in the transaction of the publication. A notice past its target is left to the handler, who must give
 * the reason for the delay.
 */
@Component
class ProcessorNotices {

    static final String STAGE = "controller";

    private final IncidentsForSystem incidents;
    private final Obligations obligations;
    private final StageSubmitting submitting;

    ProcessorNotices(IncidentsForSystem incidents, Obligations obligations, StageSubmitting submitting) {
        this.incidents = incidents;
        this.obligations = obligations;
        this.submitting = submitting;
    }

    @EventListener
    void on(PersonalDataBreachPublished published) {
        Optional<IncidentView> incident = incidents.incident(published.incident());
        if (incident.isEmpty()) {
            return;
        }
        Actor actor = actor(published.actor());
        for (Obligations.Stored obligation : obligations.ofIncident(published.incident())) {
            StageState state = obligation.stages().get(STAGE);
            Optional<Regime.Stage> rules = obligation.rules().stage(STAGE);
            if (obligation.closedAt() == null && rules.isPresent() && waiting(state, published.at())) {
                submitting.submitSent(
                        new StageReports.Target(
                                new ComplianceAccess.IncidentGrant(actor, incident.get(), true),
                                obligation,
                                rules.get()),
                        "api",
                        String.join(", ", published.customers()),
                        published.exchangeId().toString());
            }
        }
    }

    /** Whether the stage is open, not submitted, and not yet due. */
    private static boolean waiting(@Nullable StageState state, Instant at) {
        return state != null
                && state.required()
                && state.submittedAt() == null
                && state.openedAt() != null
                && (state.dueAt() == null || !at.isAfter(state.dueAt()));
    }

    /** The publisher as the one who submitted: a handler by their id, a relay rule by an id made from its name. */
    private static Actor actor(ActorRef publisher) {
        UUID id;
        try {
            id = UuidText.parse(publisher.id(), "a user id");
        } catch (IllegalArgumentException notAUser) {
            id = UUID.nameUUIDFromBytes(publisher.id().getBytes(StandardCharsets.UTF_8));
        }
        return new Actor(new UserId(id), publisher.name(), publisher.name(), Set.of(), Set.of());
    }
}
