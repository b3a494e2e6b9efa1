package io.cairn.risks;

import io.cairn.assets.AssetManagement;
import io.cairn.assets.DeviceId;
import io.cairn.assets.ServiceId;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * RISK-3: links risks to incidents and to assets, both ways readable. Coordinators and admins link and unlink, only
 * incidents and assets they may see (any other is refused as not found); readers of the register see the incidents
 * and assets of a risk that they may see. Every link and unlink publishes a {@link RiskChanged}.
 */
@Component
class RiskLinking {

    static final List<String> ASSET_KINDS = List.of("device", "service");

    private final RiskLinks links;
    private final Risks risks;
    private final IdentityManagement identity;
    private final IncidentManagement incidents;
    private final AssetManagement assets;
    private final ApplicationEventPublisher events;
    private final RiskProposals proposals;
    private final Clock clock;

    RiskLinking(
            RiskLinks links,
            Risks risks,
            IdentityManagement identity,
            IncidentManagement incidents,
            AssetManagement assets,
            ApplicationEventPublisher events,
            RiskProposals proposals,
            Clock clock) {
        this.proposals = proposals;
        this.links = links;
        this.risks = risks;
        this.identity = identity;
        this.incidents = incidents;
        this.assets = assets;
        this.events = events;
        this.clock = clock;
    }

    /** The incidents and assets of a risk that the reader may see. */
    @Transactional(readOnly = true)
    Outcome<LinkedThings> of(RiskId risk) {
        return readable(risk).map(found -> things(risk));
    }

    /** The risks linked to an incident the reader may see, if they read the register. */
    @Transactional(readOnly = true)
    Outcome<List<RiskItem>> risksOf(IncidentId incident) {
        if (!RiskRegister.reads(identity.requireActor())) {
            return Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_READERS_READ));
        }
        if (incidents.resolveReference(incident.toString()).isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + incident));
        }
        return Outcome.done(links.risksOf(incident.value()).stream()
                .flatMap(id -> risks.find(id).stream())
                .toList());
    }

    @Transactional
    Outcome<LinkedThings> linkIncident(RiskId risk, @Nullable String incident, boolean link) {
        if (incident == null || incident.isBlank()) {
            return Outcome.refused(Refusal.invalid("incident", SharedRefusals.REQUIRED));
        }
        return changeable(risk).flatMap(actor -> {
            Optional<IncidentId> seen = incidents.resolveReference(incident.strip());
            if (seen.isEmpty()) {
                return Outcome.refused(Refusal.notFound("incident " + RiskChecks.clip(incident)));
            }
            UUID id = seen.get().value();
            boolean changed = link ? links.linkIncident(risk, id, clock.instant()) : links.unlinkIncident(risk, id);
            if (changed && link) {
                // RISK-3: a confirmed incident linked to an anticipated risk proposes that it materialized
                incidents
                        .incident(seen.get())
                        .ifPresent(view -> risks.find(risk).ifPresent(item -> proposals.propose(item, view, actor)));
            }
            return done(
                    risk,
                    actor,
                    changed,
                    link ? RiskChanged.Verb.INCIDENT_LINKED : RiskChanged.Verb.INCIDENT_UNLINKED,
                    "incident|" + id,
                    link);
        });
    }

    @Transactional
    Outcome<LinkedThings> linkAsset(RiskId risk, @Nullable String kind, @Nullable UUID asset, boolean link) {
        if (kind == null || !ASSET_KINDS.contains(kind)) {
            return Outcome.refused(Refusal.invalid("kind", SharedRefusals.MUST_BE_ONE_OF, ASSET_KINDS.toString()));
        }
        if (asset == null) {
            return Outcome.refused(Refusal.invalid("asset", SharedRefusals.REQUIRED));
        }
        return changeable(risk).flatMap(actor -> {
            if (assetName(kind, asset).isEmpty()) {
                return Outcome.refused(Refusal.notFound(kind + " " + asset));
            }
            RiskLinks.AssetRef ref = new RiskLinks.AssetRef(kind, asset);
            boolean changed = link ? links.linkAsset(risk, ref, clock.instant()) : links.unlinkAsset(risk, ref);
            return done(
                    risk,
                    actor,
                    changed,
                    link ? RiskChanged.Verb.ASSET_LINKED : RiskChanged.Verb.ASSET_UNLINKED,
                    kind + "|" + asset,
                    link);
        });
    }

    /**
     * The risk's links after a change; a link that was there already is no change, an unlink of what was not linked
     * is not found.
     */
    private Outcome<LinkedThings> done(
            RiskId risk, ActorRef actor, boolean changed, RiskChanged.Verb verb, String what, boolean link) {
        if (!changed && !link) {
            return Outcome.refused(Refusal.notFound("link of risk " + risk + " to " + what.replace('|', ' ')));
        }
        if (changed) {
            Optional<String> digest =
                    Optional.of(ContentDigest.of(risk + "|" + what).hex());
            Instant now = clock.instant();
            events.publishEvent(new RiskChanged(
                    risk, actor, now, verb, link ? Optional.empty() : digest, link ? digest : Optional.empty()));
        }
        return Outcome.done(things(risk));
    }

    private Outcome<RiskItem> readable(RiskId risk) {
        Actor actor = identity.requireActor();
        return RiskRegister.reads(actor)
                ? risks.find(risk)
                        .<Outcome<RiskItem>>map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(Refusal.notFound("risk " + risk)))
                : Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_READERS_READ));
    }

    /** Who changes the risk's links: a coordinator or admin, when the risk exists. */
    private Outcome<ActorRef> changeable(RiskId risk) {
        Actor actor = identity.requireActor();
        return readable(risk)
                .flatMap(found -> RiskRegister.changes(actor)
                        ? Outcome.done(actor.ref())
                        : Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_COORDINATORS_CHANGE)));
    }

    private LinkedThings things(RiskId risk) {
        List<LinkedThings.LinkedIncident> seen = links.incidentsOf(risk).stream()
                .flatMap(id -> incidents.incident(new IncidentId(id)).stream())
                .map(incident ->
                        new LinkedThings.LinkedIncident(incident.id().value(), incident.reference(), incident.title()))
                .toList();
        List<LinkedThings.LinkedAsset> linked = links.assetsOf(risk).stream()
                .flatMap(
                        ref -> assetName(ref.kind(), ref.id())
                                .map(name -> new LinkedThings.LinkedAsset(ref.kind(), ref.id(), name))
                                .stream())
                .toList();
        return new LinkedThings(seen, linked);
    }

    /** The name of a device or service the user may see. */
    private Optional<String> assetName(String kind, UUID id) {
        Outcome<String> name = kind.equals("device")
                ? assets.device(new DeviceId(id)).map(device -> device.name())
                : assets.service(new ServiceId(id)).map(service -> service.name());
        return name instanceof Outcome.Done<String> found ? Optional.of(found.value()) : Optional.empty();
    }
}
