package io.cairn.federation;

import io.cairn.audit.Checkpoint;
import io.cairn.audit.CosignerKey;
import io.cairn.audit.VerifierKey;
import io.cairn.audit.witnessing.TrailWitnessing;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Witnesses the audit trails of this instance's peers, the way transparency logs are witnessed: at an interval (and
 * when an admin asks), for every active peer, it fetches the peer's keys and newest checkpoint, and the consistency
 * proof from the last checkpoint it cosigned; the audit module cosigns only a checkpoint consistent with that one, and
 * keeps a contradiction as an alarm. The cosignature goes back to the peer, who keeps it with its checkpoint. A peer's
 * witness key is pinned at the first round; the cosignatures it sends are checked with the pinned key.
 */
@Service
class PeerWitnessing {

    static final String KEYS = "/federation/v1/audit/keys";
    static final String CHECKPOINT = "/federation/v1/audit/checkpoint";
    static final String CONSISTENCY = "/federation/v1/audit/consistency";
    static final String COSIGNATURES = "/federation/v1/audit/cosignatures";

    private static final Log log = LogFactory.getLog(PeerWitnessing.class);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final PeerRegistry registry;
    private final PeerClient client;
    private final TrailWitnessing trail;
    private final PeerWitnessStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PeerWitnessing(
            PeerRegistry registry,
            PeerClient client,
            TrailWitnessing trail,
            PeerWitnessStore store,
            ApplicationEventPublisher events,
            Clock clock) {
        this.registry = registry;
        this.client = client;
        this.trail = trail;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${cairn.federation.witness-interval:PT5M}",
            initialDelayString = "${cairn.federation.witness-interval:PT5M}")
    void witnessOnSchedule() {
        for (PeerView peer : registry.all()) {
            if (peer.active() && witness(peer) instanceof Outcome.Refused<Long> refused) {
                log.warn("Witnessing the audit trail of peer " + peer.name() + " (" + peer.baseUrl() + "): "
                        + refused.refusal().message());
            }
        }
    }

    /** One round for one peer: the size of its checkpoint now cosigned, or why none was. The result is kept. */
    Outcome<Long> witness(PeerView peer) {
        Outcome<Long> outcome = keys(peer)
                .flatMap(keys -> checkpoint(peer).flatMap(note -> {
                    OptionalLong from = trail.witnessedSize(keys.log().name());
                    long size = Checkpoint.read(note).map(Checkpoint::size).orElse(-1L);
                    Outcome<List<String>> proof = from.isPresent() && from.getAsLong() < size
                            ? proof(peer, from.getAsLong(), size)
                            : Outcome.done(List.of());
                    return proof.flatMap(hashes -> trail.cosign(keys.log(), note, hashes))
                            .flatMap(cosigned -> sendBack(peer, cosigned))
                            .map(sent -> size);
                }));
        store.checked(peer.id(), clock.instant(), outcome);
        return outcome;
    }

    /** Keeps a peer's cosignature of one of this instance's checkpoints, checked with the peer's pinned key. */
    Outcome<Instant> keepCosignature(PeerView peer, String cosignedNote) {
        Outcome<CosignerKey> key = store.pinned(peer.id())
                .<Outcome<CosignerKey>>map(pinned -> Outcome.done(pinned.witness()))
                .orElseGet(() -> keys(peer).map(Keys::witness));
        return key.flatMap(witness -> trail.keepCosignature(witness, cosignedNote));
    }

    /** Forgets a peer's pinned witness key (admins), so that the next round pins the one it then serves. */
    @Transactional
    void forgetPinnedKey(PeerView peer, ActorRef actor) {
        if (store.forget(peer.id())) {
            events.publishEvent(
                    PeerChanged.of(peer.id(), actor, clock.instant(), PeerChanged.Verb.WITNESS_KEY_FORGOTTEN));
        }
    }

    /** The peers' witnessing states, with the alarms raised for their logs. */
    List<PeerWitnessState> states() {
        List<TrailWitnessing.WitnessedLog> logs = trail.witnessedLogs();
        return store.all().stream()
                .map(state -> state.withAlarms(logs.stream()
                        .filter(l -> l.origin().equals(state.logOrigin()))
                        .flatMap(l -> l.alarms().stream())
                        .map(a -> new PeerWitnessState.Alarm(a.detectedAt(), a.reason(), a.offeredNote()))
                        .toList()))
                .toList();
    }

    /** The peer's keys: the log key it serves now, and its witness key, pinned at the first round. */
    private record Keys(VerifierKey log, CosignerKey witness) {}

    private Outcome<Keys> keys(PeerView peer) {
        return client.get(peer, KEYS).flatMap(answer -> {
            if (answer.status() != 200) {
                return unexpected(peer, KEYS, answer);
            }
            JsonNode body;
            try {
                body = json.readTree(answer.body());
            } catch (RuntimeException notJson) {
                return garbage(peer, KEYS, "not JSON");
            }
            Optional<VerifierKey> logKey =
                    VerifierKey.parse(body.path("checkpointKey").asString(""));
            Optional<CosignerKey> witnessKey =
                    CosignerKey.parse(body.path("witnessKey").asString(""));
            if (logKey.isEmpty() || witnessKey.isEmpty()) {
                return garbage(peer, KEYS, "checkpointKey and witnessKey must be Ed25519 note keys");
            }
            Keys keys = new Keys(logKey.get(), witnessKey.get());
            Optional<PeerWitnessStore.Pinned> pinned = store.pinned(peer.id());
            if (pinned.isEmpty()) {
                store.pin(peer.id(), keys.witness(), keys.log().name(), clock.instant());
                events.publishEvent(PeerChanged.of(
                        peer.id(), ActorRef.SYSTEM, clock.instant(), PeerChanged.Verb.WITNESS_KEY_PINNED));
            } else if (!pinned.get().witness().equals(keys.witness())) {
                return Outcome.refused(Refusal.conflict(
                        "peer",
                        FederationRefusals.WITNESS_KEY_CHANGED,
                        keys.witness().encoded(),
                        pinned.get().witness().encoded()));
            }
            return Outcome.done(keys);
        });
    }

    private Outcome<String> checkpoint(PeerView peer) {
        return client.get(peer, CHECKPOINT)
                .flatMap(answer -> answer.status() == 200
                        ? Outcome.done(new String(answer.body(), StandardCharsets.UTF_8))
                        : unexpected(peer, CHECKPOINT, answer));
    }

    private Outcome<List<String>> proof(PeerView peer, long from, long to) {
        String path = CONSISTENCY + "?from=" + from + "&to=" + to;
        return client.get(peer, path).flatMap(answer -> {
            if (answer.status() != 200) {
                return unexpected(peer, CONSISTENCY, answer);
            }
            try {
                JsonNode hashes = json.readTree(answer.body()).path("hashes");
                if (!hashes.isArray() || hashes.size() > 128) {
                    return garbage(peer, CONSISTENCY, "hashes must be an array of at most 128 base64 hashes");
                }
                return Outcome.done(
                        hashes.valueStream().map(h -> h.asString("")).toList());
            } catch (RuntimeException notJson) {
                return garbage(peer, CONSISTENCY, "not JSON");
            }
        });
    }

    private Outcome<Boolean> sendBack(PeerView peer, String cosigned) {
        return client.post(peer, COSIGNATURES, "text/plain; charset=utf-8", cosigned.getBytes(StandardCharsets.UTF_8))
                .flatMap(
                        answer -> answer.status() == 200 ? Outcome.done(true) : unexpected(peer, COSIGNATURES, answer));
    }

    private static <T> Outcome<T> unexpected(PeerView peer, String path, PeerHttp.Answer answer) {
        String detail = new String(answer.body(), StandardCharsets.UTF_8);
        return Outcome.refused(Refusal.invalid(
                "peer",
                FederationRefusals.WITNESS_ANSWERED_STATUS,
                peer.baseUrl() + path,
                String.valueOf(answer.status()),
                detail.length() > 300 ? detail.substring(0, 300) + "..." : detail));
    }

    private static <T> Outcome<T> garbage(PeerView peer, String path, String why) {
        return Outcome.refused(
                Refusal.invalid("peer", FederationRefusals.WITNESS_ANSWERED_GARBAGE, peer.baseUrl() + path, why));
    }
}
