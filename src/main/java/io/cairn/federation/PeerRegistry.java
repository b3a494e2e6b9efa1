package io.cairn.federation;

import com.nimbusds.jose.jwk.JWKSet;
import io.cairn.identity.BusinessUnitId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The peers as stored, each change in one transaction with its audit record. Callers have checked who acts and what
 * they gave, and fetched the keys; a change to a version that is no longer stored is refused as stale.
 */
@Service
class PeerRegistry {

    private final Peers peers;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** The keys of each peer as last read, by the version read: one entry per peer. */
    private final Map<PeerId, KeysRead> keysRead = new ConcurrentHashMap<>();

    PeerRegistry(Peers peers, ApplicationEventPublisher events, Clock clock) {
        this.peers = peers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<PeerView> all() {
        return peers.all().stream().map(PeerRegistry::view).toList();
    }

    // The reads of one peer are one statement each, in the caller's transaction if there is one: a read-only
    // transaction of their own would cost a peer's every request four more round trips to the database.
    Optional<PeerView> byId(PeerId id) {
        return peers.byId(id.value()).map(this::viewKeepingKeys);
    }

    Optional<PeerView> byBaseUrl(String baseUrl) {
        return peers.byBaseUrl(baseUrl).map(this::viewKeepingKeys);
    }

    /**
     * The keys of the peer as it was read: those of that version of the peer kept when it was read (a peer's request
     * and its message look its keys up after reading it, and need not read it again), else as stored now.
     */
    JWKSet keysOf(PeerView peer) {
        KeysRead read = keysRead.get(peer.id());
        if (read != null && read.version() == peer.version() && read.updatedAt().equals(peer.updatedAt())) {
            return read.keys();
        }
        return keysOf(peer.id()).orElseGet(JWKSet::new);
    }

    /** The keys of a version of a peer (its time of change too, so that a version rolled back is never taken). */
    private record KeysRead(long version, Instant updatedAt, JWKSet keys) {}

    private PeerView viewKeepingKeys(Peers.Stored peer) {
        keysRead.put(
                new PeerId(peer.id()),
                new KeysRead(peer.version(), peer.updatedAt(), PublicKeySets.stored(peer.keys())));
        return view(peer);
    }

    /** The stored keys of a peer. */
    Optional<JWKSet> keysOf(PeerId id) {
        return peers.byId(id.value()).map(peer -> PublicKeySets.stored(peer.keys()));
    }

    @Transactional
    Outcome<PeerView> register(PeerChecks.Checked peer, JWKSet keys, boolean pasted, ActorRef actor) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        if (!peers.add(id, values(peer, keys, pasted, now), now)) {
            return Outcome.refused(Refusal.conflict("baseUrl", SharedRefusals.ALREADY_TAKEN));
        }
        return published(id, PeerChanged.Verb.REGISTERED, null, actor);
    }

    /** Changes a peer; its keys stay as they are when {@code keys} is null. */
    @Transactional
    Outcome<PeerView> change(
            PeerId id, PeerChecks.Checked peer, @Nullable JWKSet keys, boolean pasted, long version, ActorRef actor) {
        Optional<Peers.Stored> found = peers.byId(id.value());
        if (found.isEmpty()) {
            return Outcome.refused(notFound(id));
        }
        if (peers.byBaseUrl(peer.baseUrl())
                .filter(other -> !other.id().equals(id.value()))
                .isPresent()) {
            return Outcome.refused(Refusal.conflict("baseUrl", SharedRefusals.ALREADY_TAKEN));
        }
        Instant now = clock.instant();
        Peers.Values values = keys == null
                ? new Peers.Values(
                        peer.name(),
                        peer.baseUrl(),
                        peer.role(),
                        null,
                        found.get().keysOrigin(),
                        found.get().keysFetchedAt(),
                        peer.businessUnit())
                : values(peer, keys, pasted, now);
        if (found.get().version() != version || !peers.change(id.value(), values, version, now)) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        return published(id.value(), PeerChanged.Verb.CHANGED, found.get(), actor);
    }

    /** Replaces a peer's keys with fetched ones; without a version (-1), whatever version is stored. */
    @Transactional
    Outcome<PeerView> replaceKeys(PeerId id, JWKSet keys, long version, ActorRef actor) {
        Optional<Peers.Stored> found = peers.byId(id.value());
        if (found.isEmpty()) {
            return Outcome.refused(notFound(id));
        }
        Peers.Stored peer = found.get();
        long expected = version < 0 ? peer.version() : version;
        Instant now = clock.instant();
        Peers.Values values = new Peers.Values(
                peer.name(), peer.baseUrl(), peer.role(), keys.toString(true), "fetched", now, peer.businessUnit());
        if (peer.version() != expected || !peers.change(id.value(), values, expected, now)) {
            return Outcome.refused(Refusal.stale(expected, peer.version()));
        }
        return published(id.value(), PeerChanged.Verb.KEYS_REFRESHED, peer, actor);
    }

    @Transactional
    Outcome<PeerView> suspend(PeerId id, boolean suspended, long version, ActorRef actor) {
        Optional<Peers.Stored> found = peers.byId(id.value());
        if (found.isEmpty()) {
            return Outcome.refused(notFound(id));
        }
        String state = suspended ? "suspended" : "active";
        if (found.get().version() == version && found.get().state().equals(state)) {
            return Outcome.refused(Refusal.conflict(
                    suspended ? FederationRefusals.ALREADY_SUSPENDED : FederationRefusals.ALREADY_ACTIVE));
        }
        if (found.get().version() != version || !peers.changeState(id.value(), state, version, clock.instant())) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        return published(
                id.value(), suspended ? PeerChanged.Verb.SUSPENDED : PeerChanged.Verb.RESUMED, found.get(), actor);
    }

    @Transactional
    Outcome<PeerId> remove(PeerId id, long version, ActorRef actor) {
        Optional<Peers.Stored> found = peers.byId(id.value());
        if (found.isEmpty()) {
            return Outcome.refused(notFound(id));
        }
        if (found.get().version() != version || !peers.remove(id.value(), version)) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        events.publishEvent(new PeerChanged(
                id,
                actor,
                clock.instant(),
                PeerChanged.Verb.REMOVED,
                Optional.of(digest(found.get())),
                Optional.empty()));
        return Outcome.done(id);
    }

    private Outcome<PeerView> published(UUID id, PeerChanged.Verb verb, Peers.@Nullable Stored before, ActorRef actor) {
        Peers.Stored after = peers.byId(id).orElseThrow();
        events.publishEvent(new PeerChanged(
                new PeerId(id),
                actor,
                clock.instant(),
                verb,
                Optional.ofNullable(before).map(PeerRegistry::digest),
                Optional.of(digest(after))));
        return Outcome.done(view(after));
    }

    private static Peers.Values values(PeerChecks.Checked peer, JWKSet keys, boolean pasted, Instant now) {
        return new Peers.Values(
                peer.name(),
                peer.baseUrl(),
                peer.role(),
                keys.toString(true),
                pasted ? "pasted" : "fetched",
                pasted ? null : now,
                peer.businessUnit());
    }

    static Refusal notFound(PeerId id) {
        return Refusal.notFound("peer " + id);
    }

    private static String digest(Peers.Stored peer) {
        return ContentDigest.of(String.join(
                        "\n",
                        peer.name(),
                        peer.baseUrl(),
                        peer.role(),
                        peer.keys(),
                        peer.keysOrigin(),
                        String.valueOf(peer.keysFetchedAt()),
                        peer.state(),
                        String.valueOf(peer.businessUnit())))
                .hex();
    }

    static PeerView view(Peers.Stored peer) {
        JWKSet keys = PublicKeySets.stored(peer.keys());
        return new PeerView(
                new PeerId(peer.id()),
                peer.name(),
                peer.baseUrl(),
                peer.role(),
                peer.state(),
                keys.getKeys().stream().map(key -> key.getKeyID()).toList(),
                keys.toJSONObject(true),
                peer.keysOrigin(),
                peer.keysFetchedAt(),
                peer.businessUnit() == null ? null : new BusinessUnitId(peer.businessUnit()),
                peer.createdAt(),
                peer.updatedAt(),
                peer.version());
    }
}
