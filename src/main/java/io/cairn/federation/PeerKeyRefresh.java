package io.cairn.federation;

import com.nimbusds.jose.jwk.JWKSet;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Fetches a peer's keys again when it signed with a key id this instance does not hold (it rotated), at most once a
 * {@link #INTERVAL} per peer and node, so that requests with made-up key ids cannot make this instance hammer the
 * peer. Only fetched keys are fetched again: keys an admin pasted stay until an admin changes them.
 */
@Component
class PeerKeyRefresh {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final PeerKeyFetcher fetcher;
    private final PeerRegistry registry;
    private final Clock clock;
    private final Map<PeerId, Instant> lastAttempts = new ConcurrentHashMap<>();

    PeerKeyRefresh(PeerKeyFetcher fetcher, PeerRegistry registry, Clock clock) {
        this.fetcher = fetcher;
        this.registry = registry;
        this.clock = clock;
    }

    /** The peer's keys fetched anew and stored, when they are fetched keys and the last attempt is long enough ago. */
    Optional<JWKSet> refetch(PeerView peer) {
        if (!"fetched".equals(peer.keysOrigin())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant last = lastAttempts.get(peer.id());
        if (last != null && last.plus(INTERVAL).isAfter(now)) {
            return Optional.empty();
        }
        lastAttempts.put(peer.id(), now);
        Outcome<JWKSet> fetched = fetcher.fetch("baseUrl", peer.baseUrl());
        if (fetched instanceof Outcome.Done<JWKSet> done) {
            registry.replaceKeys(peer.id(), done.value(), -1, ActorRef.SYSTEM);
            return Optional.of(done.value());
        }
        return Optional.empty();
    }
}
