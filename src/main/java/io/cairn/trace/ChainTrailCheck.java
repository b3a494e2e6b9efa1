package io.cairn.trace;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.cairn.audit.Checkpoint;
import io.cairn.audit.CosignerKey;
import io.cairn.audit.MerkleTree;
import io.cairn.audit.SignedNote;
import io.cairn.audit.VerifierKey;
import io.cairn.shared.ContentDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a walked trail ({@link ChainTrail}) without any key but the public ones it holds, hop by hop from the start,
 * and stops at the first hop where something does not hold. At each hop: its audit record of the message it issued
 * to the hop before (a relay or the origin's publication) and of the message it received, each unaltered (its hash
 * recomputed from its content), in the Merkle tree of a checkpoint signed by the hop's checkpoint key and cosigned by
 * enough peers' witness keys (an inclusion proof); the message it holds has the digest it was asked about; its opened
 * provenance entry matches the commitment the message carries and names the message; the message's signature
 * verifies with a key its publisher serves; and the entry the hop before opened names exactly this message as the one
 * it was relayed from. The origin is the hop whose entry names no upstream.
 */
final class ChainTrailCheck {

    /** The kinds of record a hop keeps of a message, by object type: its receipt, and its issue to one subscriber. */
    enum Kind {
        RECEIPT(
                "federation-message",
                TrailFinding.NO_RECEIPT_RECORD,
                TrailFinding.RECEIPT_ALTERED,
                TrailFinding.RECEIPT_NOT_YET_COSIGNED,
                TrailFinding.RECEIPT_NOT_IN_TREE,
                TrailFinding.RECEIPT_PROVEN),
        ISSUE(
                "exchange-message",
                TrailFinding.NO_ISSUE_RECORD,
                TrailFinding.ISSUE_ALTERED,
                TrailFinding.ISSUE_NOT_YET_COSIGNED,
                TrailFinding.ISSUE_NOT_IN_TREE,
                TrailFinding.ISSUE_PROVEN);

        final String objectType;
        final TrailFinding none;
        final TrailFinding altered;
        final TrailFinding notYetCosigned;
        final TrailFinding notInTree;
        final TrailFinding proven;

        Kind(
                String objectType,
                TrailFinding none,
                TrailFinding altered,
                TrailFinding notYetCosigned,
                TrailFinding notInTree,
                TrailFinding proven) {
            this.objectType = objectType;
            this.none = none;
            this.altered = altered;
            this.notYetCosigned = notYetCosigned;
            this.notInTree = notInTree;
            this.proven = proven;
        }
    }

    private ChainTrailCheck() {}

    /**
     * What the check found.
     *
     * @param hops what held at each hop checked, up to the first that broke
     * @param complete every hop holds and the last is the origin
     * @param brokenAt the index of the hop where the trail breaks; null when it does not
     */
    record Verdict(
            List<HopVerdict> hops,
            boolean complete,
            @Nullable Integer brokenAt) {

        Verdict {
            hops = List.copyOf(hops);
        }
    }

    /**
     * What held at one hop, and the first thing that did not.
     *
     * @param origin the hop is the origin: its incident and the first message about it were issued there
     */
    record HopVerdict(String url, List<TrailFinding.Found> held, TrailFinding.@Nullable Found problem, boolean origin) {

        HopVerdict {
            held = List.copyOf(held);
        }
    }

    /**
     * Checks the trail, counting a checkpoint cosigned when at least {@code minCosignatures} cosignatures verify
     * with witness keys of other hops of the trail or of {@code moreWitnesses}.
     */
    static Verdict check(ChainTrail trail, List<CosignerKey> moreWitnesses, int minCosignatures) {
        List<CosignerKey> witnesses = Stream.concat(
                        trail.hops().stream()
                                .map(ChainTrail.Hop::witnessKey)
                                .filter(Objects::nonNull)
                                .map(CosignerKey::parse)
                                .flatMap(Optional::stream),
                        moreWitnesses.stream())
                .distinct()
                .toList();
        List<HopVerdict> verdicts = new ArrayList<>();
        for (int k = 0; k < trail.hops().size(); k++) {
            HopVerdict verdict = new HopCheck(trail, k, witnesses, minCosignatures).run();
            verdicts.add(verdict);
            if (verdict.problem() != null) {
                return new Verdict(verdicts, false, k);
            }
        }
        if (trail.stoppedBecause() != null || verdicts.isEmpty()) {
            String url = trail.hops().isEmpty()
                    ? trail.startUrl()
                    : "beyond " + verdicts.get(verdicts.size() - 1).url();
            verdicts.add(new HopVerdict(
                    url,
                    List.of(),
                    TrailFinding.Found.of(
                            TrailFinding.WALK_STOPPED,
                            Objects.requireNonNullElse(trail.stoppedBecause(), "no hop answered")),
                    false));
            return new Verdict(verdicts, false, verdicts.size() - 1);
        }
        return new Verdict(verdicts, verdicts.get(verdicts.size() - 1).origin(), null);
    }

    /** The check of one hop; a problem ends it. */
    private static final class HopCheck {

        private final ChainTrail.Hop hop;
        private final ChainTrail.@Nullable Hop before;
        private final List<CosignerKey> witnesses;
        private final int minCosignatures;
        private final List<TrailFinding.Found> held = new ArrayList<>();

        HopCheck(ChainTrail trail, int index, List<CosignerKey> witnesses, int minCosignatures) {
            this.hop = trail.hops().get(index);
            this.before = index == 0 ? null : trail.hops().get(index - 1);
            this.witnesses = witnesses;
            this.minCosignatures = minCosignatures;
        }

        HopVerdict run() {
            try {
                VerifierKey checkpointKey = Optional.ofNullable(hop.checkpointKey())
                        .flatMap(VerifierKey::parse)
                        .orElseThrow(() -> new Broken(TrailFinding.NO_CHECKPOINT_KEY));
                JsonNode entryBefore = null;
                if (before != null) {
                    entryBefore = entry(before);
                    JsonNode messageBefore = payload(before);
                    String copy = text(messageBefore.path("incident").path("id")) + "/"
                            + messageBefore.path("incident").path("version").asLong() + "/";
                    ChainTrail.Rec issue = proven(Objects.requireNonNull(hop.issued()), Kind.ISSUE, checkpointKey);
                    if (!issue.record().objectId().startsWith(copy)) {
                        throw new Broken(
                                TrailFinding.ISSUE_NAMES_OTHER_COPY,
                                issue.record().seq(),
                                issue.record().objectId(),
                                copy);
                    }
                }
                if (hop.received() == null) {
                    if (entryBefore == null || !entryBefore.path("upstream").isNull()) {
                        throw new Broken(TrailFinding.NOT_THE_ORIGIN);
                    }
                    held.add(TrailFinding.Found.of(TrailFinding.ORIGIN, text(entryBefore.path("incident"))));
                    return new HopVerdict(hop.url(), held, null, true);
                }
                received(checkpointKey, entryBefore);
                return new HopVerdict(hop.url(), held, null, false);
            } catch (Broken broken) {
                return new HopVerdict(hop.url(), held, broken.found, false);
            }
        }

        private void received(VerifierKey checkpointKey, @Nullable JsonNode entryBefore) {
            ChainTrail.Evidence received = Objects.requireNonNull(hop.received());
            String message = Objects.requireNonNull(hop.message(), "the walk keeps the message it opened");
            if (!ContentDigest.of(message.getBytes(StandardCharsets.US_ASCII))
                    .hex()
                    .equals(received.sha256())) {
                throw new Broken(TrailFinding.DIGEST_MISMATCH, received.sha256());
            }
            proven(received, Kind.RECEIPT, checkpointKey);
            JsonNode payload = payload(hop);
            JsonNode incident = payload.path("incident");
            byte[] plaintext = Base64.getDecoder().decode(Objects.requireNonNull(hop.entry()));
            JsonNode entry = entry(hop);
            String commitment = text(incident.path("provenance").path("commitment"));
            if (!commitment(entry, plaintext).equals(commitment)) {
                throw new Broken(TrailFinding.COMMITMENT_MISMATCH);
            }
            if (!text(entry.path("exchangeId")).equals(text(incident.path("id")))
                    || entry.path("version").asLong()
                            != incident.path("version").asLong()) {
                throw new Broken(TrailFinding.ENTRY_NAMES_OTHER_COPY);
            }
            held.add(TrailFinding.Found.of(TrailFinding.ENTRY_OPENS, abbreviated(commitment)));
            signature(message, text(entry.path("hop")));
            if (entryBefore != null) {
                JsonNode upstream = entryBefore.path("upstream");
                if (!text(upstream.path("messageSha256")).equals(received.sha256())
                        || !text(upstream.path("exchangeId")).equals(text(incident.path("id")))
                        || upstream.path("version").asLong()
                                != incident.path("version").asLong()
                        || !text(upstream.path("commitment")).equals(commitment)
                        || !text(upstream.path("publisher")).equals(text(entry.path("hop")))) {
                    throw new Broken(TrailFinding.NOT_THE_NAMED_MESSAGE);
                }
                held.add(TrailFinding.Found.of(TrailFinding.NAMED_BY_RELAY));
            }
        }

        private void signature(String message, String publisher) {
            try {
                JWSObject jws = JWSObject.parse(message);
                String kid = jws.getHeader().getKeyID();
                JWK key = JWKSet.parse(Objects.requireNonNullElse(hop.publisherKeys(), "{\"keys\":[]}"))
                        .getKeyByKeyId(kid);
                if (key == null) {
                    held.add(TrailFinding.Found.of(TrailFinding.KEY_NO_LONGER_SERVED, kid, publisher));
                    return;
                }
                if (!(key instanceof AsymmetricJWK asymmetric)
                        || !jws.verify(new DefaultJWSVerifierFactory()
                                .createJWSVerifier(jws.getHeader(), asymmetric.toPublicKey()))) {
                    throw new Broken(TrailFinding.SIGNATURE_FAILS, publisher, kid);
                }
                held.add(TrailFinding.Found.of(TrailFinding.SIGNED_BY, publisher, kid));
            } catch (ParseException | JOSEException e) {
                throw new Broken(TrailFinding.SIGNATURE_UNREADABLE, String.valueOf(e.getMessage()));
            }
        }

        /**
         * The hop's record of this kind in the evidence, unaltered and in a cosigned checkpoint's tree; says what held.
         */
        private ChainTrail.Rec proven(ChainTrail.Evidence evidence, Kind kind, VerifierKey checkpointKey) {
            ChainTrail.Rec rec = evidence.records().stream()
                    .filter(r -> r.record().objectType().equals(kind.objectType)
                            && evidence.sha256().equals(r.record().afterDigest()))
                    .findFirst()
                    .orElseThrow(() -> new Broken(kind.none, evidence.sha256()));
            if (!rec.record().sealsItsContent()) {
                throw new Broken(kind.altered, rec.record().seq());
            }
            ChainTrail.Proof proof = rec.proof();
            String cosigned = evidence.cosignedCheckpoint();
            if (proof == null || cosigned == null) {
                throw new Broken(kind.notYetCosigned, rec.record().seq());
            }
            SignedNote note =
                    SignedNote.parse(cosigned).orElseThrow(() -> new Broken(TrailFinding.CHECKPOINT_UNREADABLE));
            Checkpoint checkpoint =
                    Checkpoint.read(cosigned).orElseThrow(() -> new Broken(TrailFinding.CHECKPOINT_UNREADABLE));
            if (checkpointKey.check(note) != VerifierKey.Check.SIGNED) {
                throw new Broken(TrailFinding.CHECKPOINT_NOT_SIGNED, checkpoint.size());
            }
            if (!includes(checkpoint, rec, proof)) {
                throw new Broken(kind.notInTree, rec.record().seq(), checkpoint.size());
            }
            held.add(TrailFinding.Found.of(
                    kind.proven, rec.record().seq(), rec.record().action(), checkpoint.size()));
            held.add(TrailFinding.Found.of(TrailFinding.COSIGNED_BY, String.join(", ", cosigners(note, checkpoint))));
            return rec;
        }

        /** The peers whose cosignatures of the checkpoint verify, at least {@code minCosignatures} of them. */
        private List<String> cosigners(SignedNote note, Checkpoint checkpoint) {
            List<String> cosigners = new ArrayList<>();
            for (CosignerKey witness : witnesses) {
                if (Objects.equals(witness.encoded(), hop.witnessKey())) {
                    continue;
                }
                CosignerKey.Found found = witness.check(note);
                if (found.check() == VerifierKey.Check.BAD_SIGNATURE) {
                    throw new Broken(TrailFinding.BAD_COSIGNATURE, witness.name());
                }
                if (found.check() == VerifierKey.Check.SIGNED) {
                    cosigners.add(witness.name());
                }
            }
            if (cosigners.size() < minCosignatures) {
                throw new Broken(
                        TrailFinding.TOO_FEW_COSIGNATURES, checkpoint.size(), cosigners.size(), minCosignatures);
            }
            return cosigners;
        }
    }

    /** Whether the record's audit path leads from its leaf to the checkpoint's root. */
    private static boolean includes(Checkpoint checkpoint, ChainTrail.Rec rec, ChainTrail.Proof proof) {
        List<byte[]> path =
                proof.hashes().stream().map(Base64.getDecoder()::decode).toList();
        return proof.treeSize() == checkpoint.size()
                && proof.leafIndex() == rec.record().seq() - 1
                && MerkleTree.verifyInclusion(
                        proof.leafIndex(),
                        proof.treeSize(),
                        rec.record().leafHash(),
                        path,
                        Base64.getDecoder().decode(checkpoint.rootHash()));
    }

    /** Hex SHA-256 of the nonce's bytes followed by the plaintext's, as the hop that sealed the entry computed it. */
    static String commitment(JsonNode entry, byte[] plaintext) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Base64.getUrlDecoder().decode(text(entry.path("nonce"))));
            sha.update(plaintext);
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException | IllegalArgumentException e) {
            throw new Broken(TrailFinding.UNREADABLE, "the provenance entry's nonce");
        }
    }

    private static JsonNode payload(ChainTrail.Hop hop) {
        try {
            return ChainWalk.JSON.readTree(JWSObject.parse(Objects.requireNonNull(hop.message()))
                    .getPayload()
                    .toString());
        } catch (ParseException | JacksonException | NullPointerException e) {
            throw new Broken(TrailFinding.UNREADABLE, "the message it received, a JWS of a JSON message");
        }
    }

    private static JsonNode entry(ChainTrail.Hop hop) {
        try {
            return ChainWalk.JSON.readTree(Base64.getDecoder().decode(Objects.requireNonNull(hop.entry())));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new Broken(TrailFinding.UNREADABLE, "the provenance entry opened, JSON");
        }
    }

    private static String text(JsonNode node) {
        return String.valueOf(ChainWalk.stringOf(node));
    }

    private static String abbreviated(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
    }

    /** Something does not hold at the hop being checked. */
    private static final class Broken extends RuntimeException {

        private final TrailFinding.Found found;

        Broken(TrailFinding finding, Object... arguments) {
            super(finding.template(), null, false, false);
            this.found = TrailFinding.Found.of(finding, arguments);
        }
    }
}
