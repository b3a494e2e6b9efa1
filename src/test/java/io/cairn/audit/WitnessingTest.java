package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.audit.witnessing.TrailWitnessing;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A witness cosigns a peer's checkpoint only when it is signed by the log's key and extends the one it cosigned
 * before; a fork, a rewrite or a new key is refused and kept as an alarm. This instance keeps the cosignatures peers
 * made of its own checkpoints and serves them with its newest checkpoint.
 */
@OwnTrail
class WitnessingTest extends ApiClient.OnServer {

    @Autowired
    TrailWitnessing witnessing;

    /** A peer's log: its key and its records' leaf hashes. */
    private static final class PeerLog {
        final NoteSigner key;
        final List<byte[]> leaves = new ArrayList<>();

        PeerLog(String origin) {
            key = NoteSigner.generate(origin);
        }

        PeerLog grow(int records, String salt) {
            for (int i = 0; i < records; i++) {
                leaves.add(MerkleTree.leafHash((salt + leaves.size()).getBytes(StandardCharsets.UTF_8)));
            }
            return this;
        }

        String checkpoint() {
            return key.sign(Checkpoint.text(key.verifierKey().name(), leaves.size(), MerkleTree.root(leaves)))
                    .render();
        }

        List<String> proofFrom(long size) {
            return MerkleTree.consistencyProof(size, leaves.size(), MerkleTree.inMemory(leaves)).stream()
                    .map(h -> Base64.getEncoder().encodeToString(h))
                    .toList();
        }
    }

    private static String origin() {
        return "peer-" + Long.toString(System.nanoTime(), 36) + ".example/audit";
    }

    private <T> T done(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        return ((Outcome.Done<T>) outcome).value();
    }

    private static String refusalText(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) outcome).refusal().fields().get(0).message();
    }

    @Test
    void theFirstCheckpointOfALogIsCosignedAndTheCosignatureVerifiesWithTheWitnessKey() {
        PeerLog log = new PeerLog(origin()).grow(5, "a");

        String cosigned = done(witnessing.cosign(log.key.verifierKey(), log.checkpoint(), List.of()));

        SignedNote note = SignedNote.parse(cosigned).orElseThrow();
        CosignerKey.Found found = witnessing.witnessKey().check(note);
        assertThat(found.check()).isEqualTo(VerifierKey.Check.SIGNED);
        assertThat(found.at()).isBeforeOrEqualTo(Instant.now());
        assertThat(log.key.verifierKey().check(note)).isEqualTo(VerifierKey.Check.SIGNED);
        assertThat(witnessing.witnessedSize(log.key.verifierKey().name())).hasValue(5);
    }

    @Test
    void aLargerCheckpointIsCosignedOnlyWithAConsistencyProofFromTheOneCosignedBefore() {
        PeerLog log = new PeerLog(origin()).grow(3, "a");
        done(witnessing.cosign(log.key.verifierKey(), log.checkpoint(), List.of()));
        log.grow(6, "b");

        assertThat(refusalText(witnessing.cosign(log.key.verifierKey(), log.checkpoint(), log.proofFrom(2))))
                .contains("does not extend the checkpoint of size 3");
        done(witnessing.cosign(log.key.verifierKey(), log.checkpoint(), log.proofFrom(3)));

        assertThat(witnessing.witnessedSize(log.key.verifierKey().name())).hasValue(9);
    }

    @Test
    void aForkedLogIsRefusedAndKeptAsAnAlarm() {
        String origin = origin();
        PeerLog honest = new PeerLog(origin).grow(4, "a");
        done(witnessing.cosign(honest.key.verifierKey(), honest.checkpoint(), List.of()));
        PeerLog fork = new PeerLog(origin);
        fork.leaves.addAll(honest.leaves.subList(0, 2));
        fork.grow(4, "forged");
        String forkCheckpoint = honest.key
                .sign(Checkpoint.text(origin, fork.leaves.size(), MerkleTree.root(fork.leaves)))
                .render();

        String refused = refusalText(witnessing.cosign(honest.key.verifierKey(), forkCheckpoint, fork.proofFrom(4)));

        assertThat(refused).contains("forked or rewritten");
        TrailWitnessing.WitnessedLog witnessed = witnessing.witnessedLogs().stream()
                .filter(l -> l.origin().equals(origin))
                .findFirst()
                .orElseThrow();
        assertThat(witnessed.size()).isEqualTo(4);
        assertThat(witnessed.alarms())
                .singleElement()
                .satisfies(alarm -> assertThat(alarm.offeredNote()).isEqualTo(forkCheckpoint));
    }

    @Test
    void anotherRootAtTheSameSizeAndAnotherKeyForTheLogAreAlarms() {
        String origin = origin();
        PeerLog log = new PeerLog(origin).grow(4, "a");
        done(witnessing.cosign(log.key.verifierKey(), log.checkpoint(), List.of()));
        PeerLog other = new PeerLog(origin).grow(4, "z");

        assertThat(refusalText(witnessing.cosign(
                        log.key.verifierKey(),
                        log.key
                                .sign(Checkpoint.text(origin, 4, MerkleTree.root(other.leaves)))
                                .render(),
                        List.of())))
                .contains("forked or rewritten");
        assertThat(refusalText(witnessing.cosign(other.key.verifierKey(), other.checkpoint(), List.of())))
                .contains("the key of this log when first witnessed");
        assertThat(witnessing.witnessedLogs().stream()
                        .filter(l -> l.origin().equals(origin))
                        .findFirst()
                        .orElseThrow()
                        .alarms())
                .hasSize(2);
    }

    @Test
    void anOlderUnsignedOrMisnamedCheckpointIsRefusedWithoutAnAlarm() {
        String origin = origin();
        PeerLog log = new PeerLog(origin).grow(2, "a");
        String older = log.checkpoint();
        log.grow(2, "b");
        done(witnessing.cosign(log.key.verifierKey(), log.checkpoint(), List.of()));
        PeerLog stranger = new PeerLog("stranger.example/audit").grow(1, "s");

        assertThat(refusalText(witnessing.cosign(log.key.verifierKey(), older, List.of())))
                .contains("smaller than 4");
        assertThat(refusalText(witnessing.cosign(log.key.verifierKey(), stranger.checkpoint(), List.of())))
                .contains("is not signed by the log's key");
        assertThat(refusalText(witnessing.cosign(stranger.key.verifierKey(), "not a note", List.of())))
                .contains("is not a signed checkpoint");
        assertThat(witnessing.witnessedLogs().stream()
                        .filter(l -> l.origin().equals(origin))
                        .findFirst()
                        .orElseThrow()
                        .alarms())
                .isEmpty();
    }

    @Test
    void aPeersCosignatureOfThisInstancesCheckpointIsKeptAndServedWithIt() {
        ApiClient handler = client(users.userNamed("h-" + System.nanoTime(), Set.of(Role.HANDLER)));
        ApiClient auditor = client(users.userNamed("a-" + System.nanoTime(), Set.of(Role.AUDITOR)));
        assertThat(handler.post("/api/v1/incidents", Map.of("title", "witnessed", "description", "d"))
                        .status())
                .isEqualTo(201);
        String ours = auditor.post("/api/v1/audit/checkpoints", Map.of())
                .json()
                .get("note")
                .asString();
        NoteSigner peerWitness = NoteSigner.generate("peer.example/witness");
        CosignerKey peerKey = new CosignerKey(
                "peer.example/witness", peerWitness.verifierKey().publicKey());
        SignedNote note = SignedNote.parse(ours).orElseThrow();
        long now = Instant.now().getEpochSecond();
        byte[] signature = peerWitness.signBytes(CosignerKey.signedMessage(now, note.text()));
        String line = Base64.getEncoder()
                .encodeToString(java.nio.ByteBuffer.allocate(76)
                        .putInt(peerKey.keyId())
                        .putLong(now)
                        .put(signature)
                        .array());
        String cosigned =
                note.with(new SignedNote.Signature(peerKey.name(), line)).render();

        assertThat(done(witnessing.keepCosignature(peerKey, cosigned)).getEpochSecond())
                .isEqualTo(now);
        assertThat(refusalText(witnessing.keepCosignature(peerKey, ours))).contains("holds no cosignature");
        assertThat(refusalText(witnessing.keepCosignature(peerKey, cosigned.replaceFirst("\n[0-9]+\n", "\n999999\n"))))
                .contains("is not a checkpoint this instance signed");

        assertThat(witnessing.latestCheckpoint()).hasValue(ours);
        SignedNote served = SignedNote.parse(
                        witnessing.latestCosignedCheckpoint().orElseThrow())
                .orElseThrow();
        assertThat(served.text()).isEqualTo(note.text());
        assertThat(peerKey.check(served).check()).isEqualTo(VerifierKey.Check.SIGNED);
        assertThat(witnessing.checkpointKey().check(served)).isEqualTo(VerifierKey.Check.SIGNED);
    }
}
