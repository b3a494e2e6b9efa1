package io.cairn.compliance;

import io.cairn.incidents.IncidentAssigned;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
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

    private final IncidentsForSystem incidents;
    private final IncidentEntities entities;
    private final IncidentFacts facts;
    private final IncidentDecisions decisions;
    private final Obligations obligations;
    private final RegimeCatalogue catalogue;
    private final ObligationClosing closing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObligationKeeper(
            IncidentsForSystem incidents,
            IncidentEntities entities,
            IncidentFacts facts,
            IncidentDecisions decisions,
            Obligations obligations,
            RegimeCatalogue catalogue,
            ObligationClosing closing,
            ApplicationEventPublisher events,
            Clock clock) {
        this.incidents = incidents;
        this.entities = entities;
        this.facts = facts;
        this.decisions = decisions;
        this.obligations = obligations;
        this.catalogue = catalogue;
        this.closing = closing;
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

    /**
     * Derives the incident's obligations anew from its facts and decisions; nothing for an incident with neither. The
     * obligations towards another legal entity than the incident's, and those whose regime no longer applies to its
     * profile, close.
     */
    void keep(IncidentId id, ActorRef actor) {
        Map<FactKey, RegimeFactView> recorded = facts.of(id);
        Map<DecisionKind, DecisionView> decided = decisions.of(id);
        Optional<IncidentView> incident = incidents.incident(id);
        if (recorded.isEmpty() && decided.isEmpty() || incident.isEmpty()) {
            return;
        }
        Optional<LegalEntities.Stored> entity = entities.of(incident.get()).entity();
        Instant now = clock.instant();
        List<Obligations.Stored> stored = closeElsewhere(id, entity, actor, now);
        if (entity.isEmpty()) {
            return;
        }
        Map<String, RegimeFacts> byRegime = RegimeFacts.of(recorded, decided);
        for (Regime regime : regimes(entity.get(), stored)) {
            Optional<Obligations.Stored> existing = stored.stream()
                    .filter(obligation -> obligation.rules().id().equals(regime.id()))
                    .findFirst();
            if (existing.isPresent()
                    && !RegimeApplicability.applies(regime, entity.get().profile())) {
                closing.close(existing.get(), ObligationClosing.REGIME_NOT_APPLICABLE, actor, now);
                continue;
            }
            if (existing.isPresent() && existing.get().closedAt() != null) {
                closing.reopen(existing.get(), actor, now);
            }
            Regime rules = existing.map(Obligations.Stored::rules).orElse(regime);
            RegimeFacts regimeFacts = byRegime.getOrDefault(rules.id().value(), new RegimeFacts(Map.of(), Map.of()))
                    .withSubmissions(
                            existing.map(found -> found.stages().values()).orElse(List.of()));
            List<StageState> states = StagePlanning.plan(
                    rules,
                    entity.get().profile(),
                    regimeFacts,
                    existing.map(Obligations.Stored::stages).orElse(Map.of()),
                    now);
            save(id, entity.get(), rules, existing, states, actor, now);
        }
    }

    /**
     * Closes the incident's obligations towards other legal entities than its own (all of them when it has none); its
     * obligations towards its own.
     */
    private List<Obligations.Stored> closeElsewhere(
            IncidentId id, Optional<LegalEntities.Stored> entity, ActorRef actor, Instant now) {
        List<Obligations.Stored> own = new ArrayList<>();
        for (Obligations.Stored obligation : obligations.ofIncident(id)) {
            if (entity.isPresent()
                    && obligation.legalEntity().equals(entity.get().id())) {
                own.add(obligation);
            } else {
                String reason =
                        entity.isEmpty() ? ObligationClosing.NO_LEGAL_ENTITY : ObligationClosing.OTHER_LEGAL_ENTITY;
                closing.close(obligation, reason, actor, now);
            }
        }
        return own;
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
                    new Obligations.Stored(id, incident, entity.id(), rules, authority, null, 0, Map.of(), null, null),
                    now);
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
