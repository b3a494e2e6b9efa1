package io.cairn.compliance;

import io.cairn.identity.Actor;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Re-bases an open obligation on the regime version now in force (admin): shows each stage's due instant under both
 * versions first, then replaces the rules the obligation keeps if it is still at the version the admin saw, plans its
 * stages by the new rules and records it in the audit trail.
 */
@Component
class ObligationRebasing {

    private final Obligations obligations;
    private final ObligationReading reading;
    private final LegalEntities entities;
    private final IncidentFacts facts;
    private final IncidentDecisions decisions;
    private final RegimeCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ObligationRebasing(
            Obligations obligations,
            ObligationReading reading,
            LegalEntities entities,
            IncidentFacts facts,
            IncidentDecisions decisions,
            RegimeCatalogue catalogue,
            ApplicationEventPublisher events,
            Clock clock) {
        this.obligations = obligations;
        this.reading = reading;
        this.entities = entities;
        this.facts = facts;
        this.decisions = decisions;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    /** The open obligations that count by another regime version than the one in force. */
    List<ObligationView> candidates() {
        Map<String, String> inForce = new java.util.LinkedHashMap<>();
        catalogue
                .current()
                .regimes()
                .forEach((id, found) -> inForce.put(id.value(), found.regime().version()));
        return reading.views(obligations.onOtherVersions(inForce));
    }

    Outcome<RebasePreview> preview(UUID id) {
        return plan(id).map(plan -> plan.preview());
    }

    Outcome<ObligationView> rebase(Actor actor, UUID id, long version) {
        return plan(id).flatMap(plan -> {
            if (plan.stored().version() != version || !obligations.rebase(id, plan.rules(), version, clock.instant())) {
                return Outcome.refused(
                        Refusal.stale(version, Math.max(plan.stored().version(), version + 1)));
            }
            obligations.saveStages(id, plan.states());
            events.publishEvent(new ObligationChanged(
                    id,
                    plan.rules().id().value(),
                    actor.ref(),
                    clock.instant(),
                    ObligationChanged.Verb.REBASED,
                    Optional.of(
                            ContentDigest.of(plan.stored().rules().version()).hex()),
                    Optional.of(ContentDigest.of(plan.rules().version() + plan.states())
                            .hex())));
            return Outcome.done(reading.one(id).orElseThrow());
        });
    }

    /** The obligation, the rules in force for its regime, and its stages planned by them. */
    private record Plan(Obligations.Stored stored, ObligationView view, Regime rules, List<StageState> states) {

        RebasePreview preview() {
            List<RebasePreview.StageChange> changes = states.stream()
                    .map(state -> {
                        StageState before = stored.stages().get(state.stage());
                        String name = rules.stage(state.stage())
                                .map(stage -> stage.name().current())
                                .orElse(state.stage());
                        return new RebasePreview.StageChange(
                                state.stage(), name, before == null ? null : before.dueAt(), state.dueAt());
                    })
                    .toList();
            return new RebasePreview(view, stored.rules().version(), rules.version(), changes, stored.version());
        }
    }

    private Outcome<Plan> plan(UUID id) {
        Optional<Obligations.Stored> stored = obligations.find(id);
        Optional<LegalEntities.Stored> entity = stored.flatMap(found -> entities.find(found.legalEntity()));
        Optional<Regime> inForce =
                stored.flatMap(found -> catalogue.find(found.rules().id()).map(RegimeCatalogue.InForce::regime));
        if (stored.isEmpty() || entity.isEmpty() || inForce.isEmpty()) {
            return Outcome.refused(Refusal.notFound("obligation " + id));
        }
        if (stored.get().stages().values().stream().noneMatch(StageState::required)) {
            return Outcome.refused(Refusal.conflict(ComplianceRefusals.NOT_OPEN));
        }
        RegimeFacts regimeFacts = RegimeFacts.of(
                        facts.of(stored.get().incident()),
                        decisions.of(stored.get().incident()))
                .getOrDefault(inForce.get().id().value(), new RegimeFacts(Map.of(), Map.of()));
        Instant now = clock.instant();
        List<StageState> states = StagePlanning.plan(
                inForce.get(), entity.get().profile(), regimeFacts, stored.get().stages(), now);
        ObligationView view = reading.views(List.of(stored.get())).get(0);
        return Outcome.done(new Plan(stored.get(), view, inForce.get(), states));
    }
}
