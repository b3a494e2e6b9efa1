package io.cairn.federation;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentObservable;
import io.cairn.incidents.IncidentView;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import io.cairn.shared.Tlp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The share decision for handlers: who may share an incident (those who may handle it, by the incidents module's own
 * rule; an incident they may not see does not exist for them), what is shared, and the decisions to publish, change
 * the words and retract, checked before anything is written.
 */
@Service
class Publishing {

    static final int MAX_REASON = 2000;

    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final Publications publications;
    private final PublicationDecisions decisions;
    private final SubscriptionStore subscriptions;
    private final PeerRegistry peers;
    private final ShareScopes scopes;
    private final Relays relays;
    private final java.time.Clock clock;

    Publishing(
            IncidentManagement incidents,
            IdentityManagement identity,
            Publications publications,
            PublicationDecisions decisions,
            SubscriptionStore subscriptions,
            PeerRegistry peers,
            ShareScopes scopes,
            Relays relays,
            java.time.Clock clock) {
        this.incidents = incidents;
        this.identity = identity;
        this.publications = publications;
        this.decisions = decisions;
        this.subscriptions = subscriptions;
        this.peers = peers;
        this.scopes = scopes;
        this.relays = relays;
        this.clock = clock;
    }

    /** Who shares an incident, and the incident as they see it. */
    private record Sharer(Actor actor, IncidentView incident) {}

    private Outcome<Sharer> sharer(IncidentId id) {
        Optional<Actor> actor = identity.currentActor();
        Optional<IncidentView> incident = actor.flatMap(a -> incidents.incident(id));
        if (incident.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (!incidents.mayHandle(id)) {
            return Outcome.refused(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "handler", "share incidents"));
        }
        return Outcome.done(new Sharer(actor.get(), incident.get()));
    }

    /** Whether the signed-in user may share the incident. */
    boolean mayShare(IncidentId id) {
        return identity.currentActor().isPresent() && incidents.mayHandle(id);
    }

    /** What is shared of the incident. */
    Outcome<PublicationState> state(IncidentId id) {
        return sharer(id).map(sharer -> state(sharer.incident()));
    }

    private ShareScope scope(IncidentView view) {
        return scopes.of(view, observables(view.id()));
    }

    private PublicationState state(IncidentView view) {
        ShareScope scope = scope(view);
        Optional<Publication> publication = publications.find(view.id());
        PublicationWords words = publication.map(Publication::words).orElseGet(scope::defaults);
        return new PublicationState(
                view.id(),
                publication.isPresent(),
                publication.map(Publication::exchangeId).orElse(null),
                publication.map(Publication::exchangeVersion).orElse(0L),
                publication.map(Publication::state).orElse("unpublished"),
                publication.map(Publication::retractionReason).orElse(null),
                view.tlp().label(),
                scope.allows(),
                words,
                choices(scope, publication),
                publication.map(Publication::version).orElse(0L),
                relay(scope, words));
    }

    private PublicationState.@Nullable Relay relay(ShareScope scope, PublicationWords words) {
        RelaySource relay = scope.relay();
        return relay == null
                ? null
                : new PublicationState.Relay(
                        relay.providerName(),
                        relay.snapshot().hopBudget(),
                        scope.naming(words),
                        relays.wordsFollow(scope.view().id()).orElse(true));
    }

    private List<PublicationState.Choice> choices(ShareScope scope, Optional<Publication> publication) {
        Map<SubscriptionId, PublicationState.Choice> choices = new LinkedHashMap<>();
        // every peer and subscription read once, not once per choice: an audience may be a thousand subscriptions
        Map<PeerId, PeerView> known = new HashMap<>();
        peers.all().forEach(peer -> known.put(peer.id(), peer));
        Map<SubscriptionId, Subscription> held = new HashMap<>();
        subscriptions.customers((PeerId) null).forEach(s -> held.put(s.id(), s));
        for (Subscription s : scope.candidates()) {
            choices.put(s.id(), new PublicationState.Choice(s.id(), peerName(s, known), s.filter(), false, null, true));
        }
        publication.ifPresent(p -> p.audience()
                .forEach(member -> Optional.ofNullable(held.get(member.subscription()))
                        .ifPresent(s -> choices.put(
                                s.id(),
                                new PublicationState.Choice(
                                        s.id(),
                                        peerName(s, known),
                                        s.filter(),
                                        true,
                                        member.chosenBy(),
                                        s.active() && peerActive(s, known))))));
        return new ArrayList<>(choices.values());
    }

    static String allows(Tlp tlp) {
        return switch (tlp) {
            case RED -> "never";
            case AMBER_STRICT -> "own-organisation";
            case AMBER -> "own-customers";
            case GREEN, CLEAR -> "relay";
        };
    }

    /**
     * Publishes the incident to more subscriptions (for a received incident: relays it); the words only with the first
     * publication. {@code namesProviderConfirmed} lets a relay's words name the provider.
     */
    @Transactional
    Outcome<PublicationState> publish(
            IncidentId id,
            @Nullable List<String> to,
            PublicationWords.@Nullable Given words,
            @Nullable Long version,
            boolean namesProviderConfirmed) {
        return sharer(id).flatMap(sharer -> {
            IncidentView view = sharer.incident();
            ShareScope scope = scope(view);
            Optional<Refusal> blocked = scope.blocked();
            if (blocked.isPresent()) {
                return Outcome.refused(blocked.get());
            }
            Optional<Publication> stored = publications.find(id);
            if (stored.isPresent() && words != null) {
                return Outcome.refused(Refusal.invalid("words", FederationRefusals.WORDS_CHANGE_WITH_PUT));
            }
            if (stored.isEmpty() && version != null) {
                return Outcome.refused(Refusal.invalid("version", FederationRefusals.FIRST_PUBLICATION_HAS_NO_VERSION));
            }
            if (stored.isPresent() && version == null) {
                return Outcome.refused(Refusal.invalid("version", SharedRefusals.REQUIRED));
            }
            PublicationWords base = stored.map(Publication::words).orElseGet(scope::defaults);
            return chosen(scope, stored, to)
                    .flatMap(chosen -> scope.check(
                                    words == null ? new PublicationWords.Given(null, null, null, null, null) : words,
                                    base,
                                    namesProviderConfirmed || stored.isPresent())
                            .flatMap(checked -> decisions
                                    .publish(
                                            view,
                                            scope.carrier(),
                                            chosen,
                                            checked,
                                            version,
                                            "handler",
                                            sharer.actor().ref())
                                    .map(p -> relayed(scope, stored.isEmpty() ? sameWords(checked, base) : null))))
                    .map(p -> state(view));
        });
    }

    private static boolean sameWords(PublicationWords one, PublicationWords other) {
        return one.summary().equals(other.summary()) && one.recommendedActions().equals(other.recommendedActions());
    }

    /** Records a relay: whether its words are the provider's (null: as before). */
    private boolean relayed(ShareScope scope, @Nullable Boolean wordsFollow) {
        if (scope.relay() != null) {
            IncidentId id = scope.view().id();
            relays.relayed(
                    id,
                    wordsFollow != null ? wordsFollow : relays.wordsFollow(id).orElse(true),
                    clock.instant());
        }
        return true;
    }

    private Outcome<List<SubscriptionId>> chosen(
            ShareScope scope, Optional<Publication> stored, @Nullable List<String> to) {
        if (to == null || to.isEmpty()) {
            return Outcome.refused(Refusal.invalid("subscriptions", SharedRefusals.MUST_NOT_BE_EMPTY));
        }
        Set<SubscriptionId> candidates = new HashSet<>();
        scope.candidates().forEach(s -> candidates.add(s.id()));
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        List<SubscriptionId> chosen = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            String field = "subscriptions[" + i + "]";
            SubscriptionId id;
            try {
                id = SubscriptionId.valueOf(String.valueOf(to.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(Refusal.FieldProblem.of(field, FederationRefusals.NOT_A_CHOICE, to.get(i)));
                continue;
            }
            if (stored.map(p -> p.reaches(id)).orElse(false) || chosen.contains(id)) {
                problems.add(Refusal.FieldProblem.of(field, FederationRefusals.ALREADY_IN_AUDIENCE, id));
            } else if (!candidates.contains(id)) {
                problems.add(Refusal.FieldProblem.of(field, FederationRefusals.NOT_A_CHOICE, id));
            }
            chosen.add(id);
        }
        return problems.isEmpty()
                ? Outcome.done(chosen)
                : Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
    }

    /** Changes the words sent with the incident: a new version to its whole audience. */
    @Transactional
    Outcome<PublicationState> reword(
            IncidentId id, PublicationWords.Given words, @Nullable Long version, boolean namesProviderConfirmed) {
        if (version == null) {
            return Outcome.refused(Refusal.invalid("version", SharedRefusals.REQUIRED));
        }
        return sharer(id).flatMap(sharer -> {
            Optional<Publication> stored = publications.find(id);
            if (stored.isEmpty()) {
                return Outcome.refused(Refusal.conflict(FederationRefusals.NOT_PUBLISHED));
            }
            ShareScope scope = scope(sharer.incident());
            Optional<Refusal> blocked = scope.blocked();
            if (blocked.isPresent()) {
                return Outcome.refused(blocked.get());
            }
            return scope.check(words, stored.get().words(), namesProviderConfirmed)
                    .flatMap(checked -> decisions
                            .reword(
                                    sharer.incident(),
                                    scope.carrier(),
                                    checked,
                                    version,
                                    sharer.actor().ref())
                            .map(p -> relayed(scope, false)))
                    .map(p -> state(sharer.incident()));
        });
    }

    /** Retracts the incident, for a reason: its audience is told, and it is published no more. */
    Outcome<PublicationState> retract(IncidentId id, @Nullable String reason, @Nullable Long version) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            return Outcome.refused(Refusal.invalid("reason", SharedRefusals.REQUIRED));
        }
        if (text.length() > MAX_REASON) {
            return Outcome.refused(Refusal.invalid("reason", SharedRefusals.TOO_LONG, MAX_REASON));
        }
        if (version == null) {
            return Outcome.refused(Refusal.invalid("version", SharedRefusals.REQUIRED));
        }
        return sharer(id)
                .flatMap(sharer -> decisions
                        .retract(id, text, version, sharer.actor().ref())
                        .map(p -> state(sharer.incident())));
    }

    private List<IncidentObservable> observables(IncidentId id) {
        return incidents.observables(id).orElse(List.of());
    }

    private static String peerName(Subscription s, Map<PeerId, PeerView> known) {
        return Optional.ofNullable(known.get(s.peer()))
                .map(PeerView::name)
                .orElse(s.peer().toString());
    }

    private static boolean peerActive(Subscription s, Map<PeerId, PeerView> known) {
        return Optional.ofNullable(known.get(s.peer()))
                .map(p -> "active".equals(p.state()))
                .orElse(false);
    }
}
