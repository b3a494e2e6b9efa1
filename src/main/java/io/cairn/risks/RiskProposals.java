package io.cairn.risks;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.incidents.Determination;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentRecategorised;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * RISK-3: when an incident linked to an anticipated risk is confirmed, or a confirmed incident is linked to one, the
 * risk gets a proposal to mark it materialized, and its owner is told ({@link MaterializationProposed}). A coordinator
 * accepts it (the risk materializes, from the version read) or dismisses it; either is audited. One proposal per
 * risk and incident: confirming the incident again proposes nothing new.
 */
@Component
class RiskProposals {

    private final RiskProposalRows rows;
    private final Risks risks;
    private final RiskLinks links;
    private final RiskRegister register;
    private final IdentityManagement identity;
    private final IncidentsForSystem incidents;
    private final IncidentManagement seen;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RiskProposals(
            RiskProposalRows rows,
            Risks risks,
            RiskLinks links,
            RiskRegister register,
            IdentityManagement identity,
            IncidentsForSystem incidents,
            IncidentManagement seen,
            ApplicationEventPublisher events,
            Clock clock) {
        this.seen = seen;
        this.rows = rows;
        this.risks = risks;
        this.links = links;
        this.register = register;
        this.identity = identity;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    /** An incident's determination changed: if it is confirmed now, each anticipated risk linked to it is proposed. */
    @EventListener
    void recategorised(IncidentRecategorised changed) {
        if (changed.determination() != Determination.CONFIRMED) {
            return;
        }
        Optional<IncidentView> incident = incidents.incident(changed.incident());
        for (RiskId id : links.risksOf(changed.incident().value())) {
            risks.find(id).ifPresent(risk -> incident.ifPresent(found -> propose(risk, found, changed.actor())));
        }
    }

    /** Proposes to mark the risk materialized for the incident, if it is anticipated and the incident confirmed. */
    void propose(RiskItem risk, IncidentView incident, ActorRef actor) {
        if (risk.status() != RiskStatus.ANTICIPATED || incident.determination() != Determination.CONFIRMED) {
            return;
        }
        Instant now = clock.instant();
        if (rows.add(risk.id(), incident.id().value(), now)) {
            events.publishEvent(new MaterializationProposed(
                    risk.id(),
                    risk.details().title(),
                    risk.details().owner(),
                    incident.id(),
                    incident.reference(),
                    actor,
                    now));
        }
    }

    /** The open proposals of a risk, for readers of the register; none once the risk is no longer anticipated. */
    @Transactional
    Outcome<List<MaterializationProposal>> of(RiskId id) {
        if (!RiskRegister.reads(identity.requireActor())) {
            return Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_READERS_READ));
        }
        Optional<RiskItem> risk = risks.find(id);
        if (risk.isEmpty()) {
            return Outcome.refused(Refusal.notFound("risk " + id));
        }
        if (risk.get().status() != RiskStatus.ANTICIPATED) {
            return Outcome.done(List.of());
        }
        return Outcome.done(rows.open(id).stream()
                .map(open -> {
                    Optional<IncidentView> incident = incidents.incident(new IncidentId(open.incident()));
                    return new MaterializationProposal(
                            open.incident(),
                            incident.map(IncidentView::reference)
                                    .orElse(open.incident().toString()),
                            incident.map(IncidentView::title).orElse(""),
                            open.proposedAt());
                })
                .toList());
    }

    /** Which of these risks have an open proposal (for a list the reader was allowed to see). */
    java.util.Set<RiskId> proposed(List<Risk> shown) {
        return rows.withOpen(shown.stream()
                .filter(risk -> risk.status().equals(RiskStatus.ANTICIPATED.code()))
                .map(Risk::id)
                .toList());
    }

    /** Accepts an open proposal: the risk materializes from the version read, and the proposal is closed. */
    @Transactional
    Outcome<RiskItem> accept(RiskId id, IncidentId incident, long version) {
        return decidable(id, incident, version)
                .flatMap(actor -> register.materialize(id, version))
                .map(risk -> {
                    rows.decide(id, incident.value(), true, clock.instant());
                    return risk;
                });
    }

    /** Dismisses an open proposal: the risk stays as it is. */
    @Transactional
    Outcome<List<MaterializationProposal>> dismiss(RiskId id, IncidentId incident) {
        return decidable(id, incident, null).flatMap(actor -> {
            Instant now = clock.instant();
            rows.decide(id, incident.value(), false, now);
            Optional<String> digest =
                    Optional.of(ContentDigest.of(id + "|proposal|" + incident).hex());
            events.publishEvent(
                    new RiskChanged(id, actor, now, RiskChanged.Verb.PROPOSAL_DISMISSED, digest, Optional.empty()));
            return of(id);
        });
    }

    /**
     * Who decides an open proposal of the risk for the incident: a coordinator or admin; one who accepts from a version
     * of the risk that is no longer stored is told so first, as the loser of a race.
     */
    private Outcome<ActorRef> decidable(RiskId id, IncidentId incident, @Nullable Long version) {
        Actor actor = identity.requireActor();
        Optional<RiskItem> risk = RiskRegister.reads(actor) ? risks.find(id) : Optional.empty();
        if (risk.isEmpty()) {
            return Outcome.refused(Refusal.notFound("risk " + id));
        }
        if (!RiskRegister.changes(actor)) {
            return Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_COORDINATORS_CHANGE));
        }
        if (version != null && risk.get().version() != version) {
            return Outcome.refused(Refusal.stale(version, risk.get().version()));
        }
        UUID wanted = incident.value();
        if (rows.open(id).stream().anyMatch(open -> open.incident().equals(wanted))) {
            return Outcome.done(actor.ref());
        }
        // the proposal was accepted by someone who won a race meanwhile: the risk is read again, as it is now
        long now = risks.find(id).map(RiskItem::version).orElse(risk.get().version());
        return version != null && now != version
                ? Outcome.refused(Refusal.stale(version, now))
                : Outcome.refused(Refusal.notFound("proposal of risk " + id + " for incident " + incident));
    }
}
