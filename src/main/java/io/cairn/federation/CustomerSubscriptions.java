package io.cairn.federation;

import io.cairn.assets.AssetManagement;
import io.cairn.assets.OfferedService;
import io.cairn.assets.ServiceId;
import io.cairn.assets.ServiceSummary;
import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriptions customers hold at this instance (it is their provider): a customer peer subscribes, reads and
 * cancels its own, and never learns of another's (404); admins read them all and set each one's publication rule.
 * Every change is one transaction with its audit record, the peer or the admin as actor. Callers have checked who
 * asks: the peer signed its request, or the admin is signed in.
 */
@Service
class CustomerSubscriptions {

    private final SubscriptionStore store;
    private final AssetManagement assets;
    private final IncidentManagement incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerSubscriptions(
            SubscriptionStore store,
            AssetManagement assets,
            IncidentManagement incidents,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.assets = assets;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
    }

    /** The audit trail's name for a peer that acts: its id and name. */
    static ActorRef actor(PeerView peer) {
        return new ActorRef("peer:" + peer.id(), "peer " + peer.name());
    }

    /** This instance's services that are not retired, for a customer peer to subscribe to. */
    Outcome<List<OfferedService>> services(PeerView caller) {
        return customer(caller, "read this instance's services").map(peer -> assets.offeredServices());
    }

    @Transactional
    Outcome<Subscription> subscribe(PeerView caller, SubscriptionRules.FilterInput input) {
        return customer(caller, "subscribe")
                .flatMap(peer -> SubscriptionRules.filter(input, ourServices(input.services()), categoryCodes()))
                .map(filter -> {
                    SubscriptionId id = new SubscriptionId(UUID.randomUUID());
                    store.addCustomers(id, caller.id(), filter, clock.instant());
                    return published(id, SubscriptionChanged.Verb.SUBSCRIBED, null, actor(caller));
                });
    }

    @Transactional(readOnly = true)
    Outcome<List<Subscription>> mine(PeerView caller) {
        return customer(caller, "read its subscriptions").map(peer -> store.customers(caller.id()));
    }

    @Transactional(readOnly = true)
    Outcome<Subscription> mine(PeerView caller, SubscriptionId id) {
        return customer(caller, "read its subscriptions").flatMap(peer -> own(caller, id));
    }

    /** Cancels the caller's subscription; one cancelled already stays as it is, and is answered as it is. */
    @Transactional
    Outcome<Subscription> cancel(PeerView caller, SubscriptionId id) {
        return customer(caller, "cancel its subscriptions")
                .flatMap(peer -> own(caller, id))
                .flatMap(found -> {
                    if (!found.active()) {
                        return Outcome.done(found);
                    }
                    if (!store.cancelCustomers(id, found.version(), clock.instant())) {
                        return Outcome.refused(Refusal.stale(found.version(), found.version() + 1));
                    }
                    return Outcome.done(published(id, SubscriptionChanged.Verb.CANCELLED, found, actor(caller)));
                });
    }

    /** Every customer's subscription, the oldest first (the admin is checked by the caller). */
    @Transactional(readOnly = true)
    List<Subscription> all() {
        return store.customers((PeerId) null);
    }

    /** Sets a subscription's publication rule, or clears it when {@code rule} is null, at the version read. */
    @Transactional
    Outcome<Subscription> setRule(
            SubscriptionId id, SubscriptionRules.@Nullable RuleInput rule, long version, ActorRef actor) {
        Optional<Subscription> found = store.customers(id);
        if (found.isEmpty()) {
            return Outcome.refused(notFound(id));
        }
        Outcome<Optional<PublicationRule>> checked = rule == null
                ? Outcome.done(Optional.empty())
                : SubscriptionRules.rule(rule, ourServices(rule.services())).map(Optional::of);
        return checked.flatMap(newRule -> {
            if (found.get().version() != version
                    || !store.setRule(id, newRule.orElse(null), version, clock.instant())) {
                return Outcome.refused(Refusal.stale(version, found.get().version()));
            }
            SubscriptionChanged.Verb verb =
                    newRule.isPresent() ? SubscriptionChanged.Verb.RULE_SET : SubscriptionChanged.Verb.RULE_CLEARED;
            return Outcome.done(published(id, verb, found.get(), actor));
        });
    }

    /** The RSIT classes and class/type pairs incidents may be categorised as. */
    Set<String> categoryCodes() {
        Set<String> codes = new HashSet<>();
        incidents.categories().forEach(choice -> {
            codes.add(choice.category().rsitClass());
            codes.add(choice.category().rsitClass() + "/" + choice.category().rsitType());
        });
        return codes;
    }

    /** The services a filter or rule may name, and which of those it names are retired. */
    private SubscriptionRules.ServiceChoice ourServices(@Nullable List<String> named) {
        List<ServiceId> ids = named == null
                ? List.of()
                : named.stream()
                        .map(SubscriptionRules::uuid)
                        .filter(Objects::nonNull)
                        .map(ServiceId::new)
                        .toList();
        return new SubscriptionRules.ServiceChoice(
                assets.offeredServices().stream()
                        .map(service -> service.id().value())
                        .collect(Collectors.toSet()),
                assets.serviceSummaries(ids).stream()
                        .filter(ServiceSummary::retired)
                        .map(service -> service.id().value())
                        .collect(Collectors.toSet()),
                SubscriptionRefusals.NOT_OUR_SERVICE);
    }

    private Outcome<Subscription> own(PeerView caller, SubscriptionId id) {
        return store.customers(id)
                .filter(found -> found.peer().equals(caller.id()))
                .<Outcome<Subscription>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(notFound(id)));
    }

    private static Outcome<PeerView> customer(PeerView caller, String what) {
        return caller.role().equals("customer")
                ? Outcome.done(caller)
                : Outcome.refused(
                        Refusal.forbidden(SubscriptionRefusals.NEEDS_PEER_ROLE, "customer", what, caller.role()));
    }

    static Refusal notFound(SubscriptionId id) {
        return Refusal.notFound("subscription " + id);
    }

    private Subscription published(
            SubscriptionId id, SubscriptionChanged.Verb verb, @Nullable Subscription before, ActorRef actor) {
        Subscription after = store.customers(id).orElseThrow();
        Instant now = clock.instant();
        events.publishEvent(new SubscriptionChanged(
                id,
                after.peer(),
                false,
                actor,
                now,
                verb,
                Optional.ofNullable(before).map(CustomerSubscriptions::digest),
                Optional.of(digest(after))));
        return after;
    }

    static String digest(Subscription subscription) {
        return ContentDigest.of(subscription.peer() + "\n" + subscription.filter() + "\n" + subscription.rule() + "\n"
                        + subscription.state())
                .hex();
    }
}
