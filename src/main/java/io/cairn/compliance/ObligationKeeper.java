package io.cairn.compliance;

import io.cairn.incidents.IncidentAssigned;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps an incident's obligations in step with its facts and decisions: on every change of a fact or a decision, in
 * the same transaction (and when the incident moves to another business unit), it derives for the incident's legal entity which regimes apply, which of their stages are
 * required, and when each is due, opening an obligation when a stage of an applicable regime first becomes required.
 * An obligation counts by the regime version it started under, never the one in force.
 */
@Component
class ObligationKeeper {

    private final IncidentManagement incidents;
    private final IncidentEntities entities;
    private final IncidentFacts facts;
    private final IncidentDecisions decisions;
    private final Obligations obligations;
    private final RegimeCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObligationKeeper(
            IncidentManagement incidents,
            IncidentEntities entities,
            IncidentFacts facts,
            IncidentDecisions decisions,
            Obligations obligations,
            RegimeCatalogue catalogue,
            ApplicationEventPublisher events,
            Clock clock) {
        this.incidents = incidents;
        this.entities = entities;
        this.facts = facts;
        this.decisions = decisions;
        this.obligations = obligations;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(RegimeFactRecorded recorded) {
        keep(recorded.incident(), recorded.actor());
    }

    @EventListener
    void on(DecisionRecorded recorded) {
        keep(recorded.incident(), recorded.actor());
    }

    /** An incident moved to another business unit, and so perhaps to another legal entity. */
    @EventListener
    void on(IncidentAssigned assigned) {
        keep(assigned.incident(), assigned.actor());
    }

    /** Derives the incident's obligations anew from its facts and decisions; nothing for an incident with neither. */
    void keep(IncidentId id, ActorRef actor) {
        Map<FactKey, RegimeFactView> recorded = facts.of(id);
        Map<DecisionKind, DecisionView> decided = decisions.of(id);
        if (recorded.isEmpty() && decided.isEmpty()) {
            return;
        }
        Optional<IncidentView> incident = incidents.incident(id);
        Optional<LegalEntities.Stored> entity =
                incident.flatMap(found -> entities.of(found).entity());
        if (entity.isEmpty()) {
            return;
        }
        Map<String, RegimeFacts> byRegime = RegimeFacts.of(recorded, decided);
        List<Obligations.Stored> stored = obligations.ofIncident(id).stream()
                .filter(obligation ->
                        obligation.legalEntity().equals(entity.get().id()))
                .toList();
        Instant now = clock.instant();
        for (Regime regime : regimes(entity.get(), stored)) {
            Optional<Obligations.Stored> existing = stored.stream()
                    .filter(obligation -> obligation.rules().id().equals(regime.id()))
                    .findFirst();
            Regime rules = existing.map(Obligations.Stored::rules).orElse(regime);
            RegimeFacts regimeFacts = byRegime.getOrDefault(rules.id().value(), new RegimeFacts(Map.of(), Map.of()));
            List<StageState> states = StagePlanning.plan(
                    rules,
                    entity.get().profile(),
                    regimeFacts,
                    existing.map(Obligations.Stored::stages).orElse(Map.of()),
                    now);
            save(id, entity.get(), rules, existing, states, actor, now);
        }
    }

    /** The regimes in force that apply to the entity, and the regimes of its obligations that are kept as they started. */
    private List<Regime> regimes(LegalEntities.Stored entity, List<Obligations.Stored> stored) {
        List<Regime> regimes = new ArrayList<>();
        stored.forEach(obligation -> regimes.add(obligation.rules()));
        catalogue.current().regimes().values().stream()
                .map(RegimeCatalogue.InForce::regime)
                .filter(regime -> RegimeApplicability.applies(regime, entity.profile()))
                .filter(regime -> regimes.stream().noneMatch(kept -> kept.id().equals(regime.id())))
                .forEach(regimes::add);
        return regimes;
    }

    private void save(
            IncidentId incident,
            LegalEntities.Stored entity,
            Regime rules,
            Optional<Obligations.Stored> existing,
            List<StageState> states,
            ActorRef actor,
            Instant now) {
        if (existing.isEmpty() && states.stream().noneMatch(StageState::required)) {
            return;
        }
        if (existing.isPresent() && existing.get().stages().values().containsAll(states)) {
            return;
        }
        UUID id = existing.map(Obligations.Stored::id).orElseGet(UUID::randomUUID);
        if (existing.isEmpty()) {
            String authority =
                    rules.id().value().startsWith("gdpr") ? entity.profile().supervisoryAuthorityName() : null;
            obligations.insert(
                    new Obligations.Stored(id, incident, entity.id(), rules, authority, null, 0, Map.of()), now);
        }
        obligations.saveStages(id, states);
        events.publishEvent(new ObligationChanged(
                id,
                rules.id().value(),
                actor,
                now,
                existing.isEmpty() ? ObligationChanged.Verb.OPENED : ObligationChanged.Verb.RECOMPUTED,
                existing.map(found -> digest(List.copyOf(found.stages().values()))),
                Optional.of(digest(states))));
    }

    static String digest(List<StageState> states) {
        return ContentDigest.of(states.toString()).hex();
    }
}
