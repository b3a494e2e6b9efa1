package io.cairn.federation;

import com.nimbusds.jose.jwk.JWKSet;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The federation module's entry point: this instance's signing keys and its peers, for admins. A peer's keys are
 * pasted or fetched from its key set before anything is stored, so that a peer that does not answer, or answers
 * garbage, is refused with the reason and nothing is stored; the fetch happens outside any transaction.
 */
@Service
public class FederationManagement {

    private final SigningKeyring keyring;
    private final PeerRegistry registry;
    private final PeerChecks checks;
    private final PeerKeyFetcher fetcher;
    private final IdentityManagement identity;
    private final PeerWitnessing witnessing;
    private final FeedPuller puller;
    private final SubscriptionStore subscriptions;

    FederationManagement(
            SigningKeyring keyring,
            PeerRegistry registry,
            PeerChecks checks,
            PeerKeyFetcher fetcher,
            IdentityManagement identity,
            PeerWitnessing witnessing,
            FeedPuller puller,
            SubscriptionStore subscriptions) {
        this.witnessing = witnessing;
        this.keyring = keyring;
        this.registry = registry;
        this.checks = checks;
        this.fetcher = fetcher;
        this.identity = identity;
        this.puller = puller;
        this.subscriptions = subscriptions;
    }

    /** This instance's signing keys, the newest first (admins). */
    public Outcome<List<SigningKeyView>> signingKeys() {
        return keyring.keys();
    }

    /** Retires the active signing key, which the admin names, and makes a new one active (admins). */
    public Outcome<SigningKeyView> rotateSigningKey(@Nullable String activeKid) {
        return keyring.rotate(activeKid);
    }

    /** Every peer (admins). */
    public Outcome<List<PeerView>> peers() {
        return admin("see the peers").map(actor -> registry.all());
    }

    /** One peer (admins). */
    public Outcome<PeerView> peer(PeerId id) {
        return admin("see the peers")
                .flatMap(actor -> registry.byId(id)
                        .<Outcome<PeerView>>map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(PeerRegistry.notFound(id))));
    }

    /** Registers a peer with the keys pasted, or fetched from its key set now (admins). */
    public Outcome<PeerView> registerPeer(PeerDefinition definition) {
        return admin("register peers")
                .flatMap(actor -> checks.check(definition).flatMap(peer -> {
                    if (registry.byBaseUrl(peer.baseUrl()).isPresent()) {
                        return Outcome.refused(Refusal.conflict("baseUrl", SharedRefusals.ALREADY_TAKEN));
                    }
                    Outcome<JWKSet> keys =
                            peer.keys() != null ? Outcome.done(peer.keys()) : fetcher.fetch("baseUrl", peer.baseUrl());
                    return keys.flatMap(set -> registry.register(peer, set, peer.keys() != null, actor.ref()));
                }));
    }

    /**
     * Changes a peer (admins): pasted keys replace its keys; without keys, a new base URL has its keys fetched anew,
     * and the same base URL keeps them.
     */
    public Outcome<PeerView> changePeer(PeerId id, PeerDefinition definition, long version) {
        return admin("change peers")
                .flatMap(actor -> checks.check(definition).flatMap(peer -> {
                    Optional<PeerView> stored = registry.byId(id);
                    if (stored.isEmpty()) {
                        return Outcome.refused(PeerRegistry.notFound(id));
                    }
                    if (stored.get().version() != version) {
                        return Outcome.refused(
                                Refusal.stale(version, stored.get().version()));
                    }
                    Outcome<Optional<JWKSet>> keys = peer.keys() != null
                            ? Outcome.done(Optional.of(peer.keys()))
                            : stored.get().baseUrl().equals(peer.baseUrl())
                                    ? Outcome.done(Optional.empty())
                                    : fetcher.fetch("baseUrl", peer.baseUrl()).map(Optional::of);
                    return keys.flatMap(set ->
                            registry.change(id, peer, set.orElse(null), peer.keys() != null, version, actor.ref()));
                }));
    }

    /** Suspends a peer, or resumes it (admins): a suspended peer's requests are refused. */
    public Outcome<PeerView> suspendPeer(PeerId id, boolean suspended, long version) {
        return admin(suspended ? "suspend peers" : "resume peers")
                .flatMap(actor -> registry.suspend(id, suspended, version, actor.ref()));
    }

    /** Fetches a peer's keys anew from its key set, replacing pasted ones too (admins). */
    public Outcome<PeerView> refreshPeerKeys(PeerId id, long version) {
        return admin("refresh the keys of peers").flatMap(actor -> {
            Optional<PeerView> stored = registry.byId(id);
            if (stored.isEmpty()) {
                return Outcome.refused(PeerRegistry.notFound(id));
            }
            if (stored.get().version() != version) {
                return Outcome.refused(Refusal.stale(version, stored.get().version()));
            }
            return fetcher.fetch("baseUrl", stored.get().baseUrl())
                    .flatMap(keys -> registry.replaceKeys(id, keys, version, actor.ref()));
        });
    }

    /** Removes a peer (admins). */
    public Outcome<PeerId> removePeer(PeerId id, long version) {
        return admin("remove peers").flatMap(actor -> registry.remove(id, version, actor.ref()));
    }

    /** How this instance witnesses each peer's audit trail, with the alarms raised (admins and auditors). */
    public Outcome<List<PeerWitnessState>> witnessing() {
        Optional<Actor> actor = identity.currentActor().filter(a -> a.hasAny(Role.ADMIN, Role.AUDITOR));
        return actor.isPresent()
                ? Outcome.done(witnessing.states())
                : Outcome.refused(Refusal.forbidden(
                        SharedRefusals.NEEDS_ROLE, "admin or auditor", "see how peers' trails are witnessed"));
    }

    /**
     * Witnesses a peer's audit trail now (admins): the size of its checkpoint cosigned, or why none was (the peer does
     * not answer, its checkpoint contradicts the one cosigned before, its witness key changed).
     */
    public Outcome<Long> witnessNow(PeerId id) {
        return admin("witness peers' trails").flatMap(actor -> activePeer(id)).flatMap(witnessing::witness);
    }

    /** Forgets a peer's pinned witness key (admins): the next round pins the one the peer then serves. */
    public Outcome<PeerId> forgetWitnessKey(PeerId id) {
        return admin("forget witness keys")
                .flatMap(actor -> peer(id).map(peer -> {
                    witnessing.forgetPinnedKey(peer, actor.ref());
                    return id;
                }));
    }

    private Outcome<PeerView> activePeer(PeerId id) {
        return registry.byId(id)
                .<Outcome<PeerView>>map(peer -> peer.active()
                        ? Outcome.done(peer)
                        : Outcome.refused(Refusal.conflict(FederationRefusals.ALREADY_SUSPENDED)))
                .orElseGet(() -> Outcome.refused(PeerRegistry.notFound(id)));
    }

    /**
     * Reads the feed of a subscription this instance holds at a provider now, to its end (admins): what was missed by
     * push arrives, and what arrived before counts as a duplicate.
     */
    public Outcome<FeedPuller.Pull> catchUp(SubscriptionId subscription) {
        return admin("catch up with a provider's feed")
                .flatMap(actor -> subscriptions.upstream(subscription).isEmpty()
                        ? Outcome.refused(Refusal.notFound("subscription " + subscription))
                        : Outcome.done(puller.catchUp(subscription, actor.ref())));
    }

    /** The subscriptions this instance holds at a provider (admins). */
    public Outcome<List<UpstreamSubscription>> upstreamSubscriptions(PeerId provider) {
        return admin("see the subscriptions at providers").map(actor -> subscriptions.upstream(provider));
    }

    private Outcome<Actor> admin(String what) {
        Optional<Actor> actor = identity.currentActor().filter(a -> a.has(Role.ADMIN));
        return actor.<Outcome<Actor>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what)));
    }
}
