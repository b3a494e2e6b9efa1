package io.cairn.federation;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The subscriptions of the exchange, for admins: those customers hold at this instance, with the publication rule
 * of each, and those this instance holds at its providers, made and cancelled through the provider's API, with the
 * providers' catalogues. A provider that does not answer, or answers something else than expected, refuses the
 * command with the reason, and nothing changes here.
 */
@Service
public class SubscriptionManagement {

    private final CustomerSubscriptions customers;
    private final UpstreamSubscriptions ours;
    private final ProviderCatalogues catalogues;
    private final ProviderCalls calls;
    private final PeerRegistry peers;
    private final IdentityManagement identity;

    SubscriptionManagement(
            CustomerSubscriptions customers,
            UpstreamSubscriptions ours,
            ProviderCatalogues catalogues,
            ProviderCalls calls,
            PeerRegistry peers,
            IdentityManagement identity) {
        this.customers = customers;
        this.ours = ours;
        this.catalogues = catalogues;
        this.calls = calls;
        this.peers = peers;
        this.identity = identity;
    }

    /** The subscriptions customers hold at this instance, the oldest first. */
    public Outcome<List<SubscriptionViews.Customers>> customerSubscriptions() {
        return admin("see subscriptions").map(actor -> {
            Map<PeerId, String> names = peerNames();
            return customers.all().stream()
                    .map(s -> SubscriptionViews.Customers.of(s, names.getOrDefault(s.peer(), "")))
                    .toList();
        });
    }

    /** Sets a customer's subscription's publication rule, or clears it when {@code rule} is null. */
    public Outcome<SubscriptionViews.Customers> setPublicationRule(
            SubscriptionId id, SubscriptionRules.@Nullable RuleInput rule, long version) {
        return admin("set publication rules")
                .flatMap(actor -> customers.setRule(id, rule, version, actor.ref()))
                .map(s -> SubscriptionViews.Customers.of(s, peerNames().getOrDefault(s.peer(), "")));
    }

    /** The subscriptions this instance holds at its providers, the oldest first. */
    public Outcome<List<SubscriptionViews.Ours>> ourSubscriptions() {
        return admin("see subscriptions").map(actor -> {
            Map<PeerId, String> names = peerNames();
            return ours.all().stream()
                    .map(s -> SubscriptionViews.Ours.of(s, names.getOrDefault(s.peer(), "")))
                    .toList();
        });
    }

    /**
     * Subscribes at a provider peer: fetches its catalogue anew, checks the filter against it, asks the provider, and
     * keeps the subscription under the id the provider gave it.
     */
    public Outcome<SubscriptionViews.Ours> subscribe(@Nullable PeerId provider, SubscriptionRules.FilterInput filter) {
        return admin("subscribe at providers")
                .flatMap(actor -> provider(provider)
                        .flatMap(peer -> fetched(peer, actor)
                                .flatMap(catalogue -> SubscriptionRules.filter(
                                                filter, choice(catalogue), customers.categoryCodes())
                                        .flatMap(checked -> calls.subscribe(peer, checked)
                                                .flatMap(answer -> ours.subscribed(
                                                        new SubscriptionId(answer.id()),
                                                        peer.id(),
                                                        checked,
                                                        actor.ref())))
                                        .map(s -> SubscriptionViews.Ours.of(s, peer.name())))));
    }

    /** Cancels a subscription at its provider, then here; at the version the admin read. */
    public Outcome<SubscriptionViews.Ours> cancel(SubscriptionId id, long version) {
        return admin("cancel subscriptions").flatMap(actor -> {
            Optional<UpstreamSubscription> found = ours.byId(id);
            if (found.isEmpty()) {
                return Outcome.refused(CustomerSubscriptions.notFound(id));
            }
            if (found.get().version() != version) {
                return Outcome.refused(Refusal.stale(version, found.get().version()));
            }
            if (!found.get().active()) {
                return Outcome.refused(Refusal.conflict(SubscriptionRefusals.ALREADY_CANCELLED));
            }
            PeerView peer = peers.byId(found.get().peer()).orElseThrow();
            return calls.cancel(peer, id)
                    .flatMap(done -> ours.cancelled(id, version, actor.ref()))
                    .map(s -> SubscriptionViews.Ours.of(s, peer.name()));
        });
    }

    /** The provider peers, for choosing one to subscribe at. */
    public Outcome<List<PeerView>> providers() {
        return admin("see providers")
                .map(actor -> peers.all().stream()
                        .filter(p -> p.role().equals("provider"))
                        .toList());
    }

    /** A provider's catalogue as last fetched; without services or a time when it never was. */
    public Outcome<SubscriptionViews.Catalogue> catalogue(PeerId provider) {
        return admin("see providers' catalogues")
                .flatMap(actor -> known(provider))
                .map(peer -> view(peer, catalogues.of(peer.id()).orElse(null)));
    }

    /** Fetches a provider's catalogue anew. */
    public Outcome<SubscriptionViews.Catalogue> refreshCatalogue(PeerId provider) {
        return admin("refresh providers' catalogues")
                .flatMap(actor ->
                        known(provider).flatMap(peer -> fetched(peer, actor).map(catalogue -> view(peer, catalogue))));
    }

    private Outcome<ProviderCatalogues.Catalogue> fetched(PeerView peer, Actor actor) {
        return calls.catalogue(peer).map(offers -> catalogues.replace(peer.id(), offers, actor.ref()));
    }

    private Outcome<PeerView> known(PeerId id) {
        return peers.byId(id)
                .filter(peer -> peer.role().equals("provider"))
                .<Outcome<PeerView>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("provider " + id)));
    }

    private Outcome<PeerView> provider(@Nullable PeerId id) {
        if (id == null) {
            return Outcome.refused(Refusal.invalid(ProviderCalls.FIELD, SharedRefusals.REQUIRED));
        }
        Optional<PeerView> peer = peers.byId(id).filter(p -> p.role().equals("provider"));
        if (peer.isEmpty()) {
            return Outcome.refused(Refusal.invalid(ProviderCalls.FIELD, SubscriptionRefusals.NOT_A_PROVIDER));
        }
        return peer.get().active()
                ? Outcome.done(peer.get())
                : Outcome.refused(Refusal.invalid(ProviderCalls.FIELD, SubscriptionRefusals.PEER_NOT_ACTIVE));
    }

    private static SubscriptionRules.ServiceChoice choice(ProviderCatalogues.Catalogue catalogue) {
        Set<java.util.UUID> offered =
                catalogue.services().stream().map(SubscriptionJson.Offer::id).collect(Collectors.toSet());
        return new SubscriptionRules.ServiceChoice(offered, Set.of(), SubscriptionRefusals.NOT_IN_CATALOGUE);
    }

    private static SubscriptionViews.Catalogue view(PeerView peer, ProviderCatalogues.@Nullable Catalogue catalogue) {
        return new SubscriptionViews.Catalogue(
                peer.id(),
                peer.name(),
                catalogue == null ? null : catalogue.fetchedAt(),
                catalogue == null
                        ? List.of()
                        : catalogue.services().stream()
                                .map(o -> new SubscriptionViews.Offer(o.id(), o.name(), o.description()))
                                .toList());
    }

    private Map<PeerId, String> peerNames() {
        return peers.all().stream().collect(Collectors.toMap(PeerView::id, PeerView::name, (a, b) -> a));
    }

    private Outcome<Actor> admin(String what) {
        Optional<Actor> actor = identity.currentActor().filter(a -> a.has(Role.ADMIN));
        return actor.<Outcome<Actor>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what)));
    }
}
