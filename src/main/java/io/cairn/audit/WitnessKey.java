package io.cairn.audit;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance's key as a witness of its peers' audit trails: it cosigns their checkpoints (C2SP
 * {@code tlog-cosignature} v1) after checking each is consistent with the last one it saw. A key of its own, apart
 * from the one that signs this instance's checkpoints, kept beside it ({@code witness.key} in
 * {@code cairn.audit.directory}, mode 600), named after the base URL ({@code host[:port][/path]/witness}).
 */
@Component
class WitnessKey {

    private final NoteSigner signer;
    private final CosignerKey cosignerKey;

    WitnessKey(AuditSettings settings, @Value("${cairn.base-url:http://localhost:8080}") String baseUrl) {
        String origin = InstanceKey.originOf(baseUrl);
        String name = origin.endsWith("/audit")
                ? origin.substring(0, origin.length() - "/audit".length()) + "/witness"
                : origin + "/witness";
        this.signer = InstanceKey.loadOrGenerate(settings.directory().resolve("witness.key"), name);
        this.cosignerKey = new CosignerKey(
                signer.verifierKey().name(), signer.verifierKey().publicKey());
    }

    /** The public key peers and auditors check this witness's cosignatures with. */
    CosignerKey cosignerKey() {
        return cosignerKey;
    }

    /** This witness's cosignature line for a checkpoint's note text, made at the given time. */
    SignedNote.Signature cosign(String checkpointText, Instant at) {
        long seconds = at.getEpochSecond();
        byte[] signature = signer.signBytes(CosignerKey.signedMessage(seconds, checkpointText));
        byte[] line = ByteBuffer.allocate(4 + 8 + signature.length)
                .putInt(cosignerKey.keyId())
                .putLong(seconds)
                .put(signature)
                .array();
        return new SignedNote.Signature(cosignerKey.name(), Base64.getEncoder().encodeToString(line));
    }
}
