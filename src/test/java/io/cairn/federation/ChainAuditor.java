package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.cairn.ApiClient;
import io.cairn.trace.TraceCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A chain auditor for tests of instances on real HTTP: its key pair, the property that configures its public key at a
 * hop, the {@code trace} command run with its private key, and what makes a hop's records provable (a checkpoint of
 * each trail, witnessed by its neighbours).
 */
final class ChainAuditor {

    private final ECKey key;
    private final Path keyFile;

    ChainAuditor(Path directory) {
        try {
            this.key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
            this.keyFile = Files.createTempFile(directory, "auditor", ".jwk");
            Files.writeString(keyFile, key.toJSONString());
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The property that makes a hop seal its entries to this auditor and answer its signed requests: this auditor's key
     * after another auditor's, so that every entry is sealed to two auditors and this one opens it with the second.
     */
    Map<String, Object> configuredAtAHop() {
        return Map.of(
                "cairn.federation.chain-auditor-keys",
                new JWKSet(java.util.List.of(OTHER_AUDITOR.toPublicJWK(), key.toPublicJWK())).toString(true));
    }

    /** Another chain auditor of every hop, whose key the tests never hold. */
    private static final ECKey OTHER_AUDITOR = otherAuditor();

    private static ECKey otherAuditor() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    Path keyFile() {
        return keyFile;
    }

    /** The private part of the key, which nothing the command writes may hold. */
    String privatePart() {
        return key.getD().toString();
    }

    /** A request token as the command signs it, for this path of the hop at this base URL. */
    String signedRequest(String baseUrl, String path) {
        try {
            com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                    new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256)
                            .keyID(key.getKeyID())
                            .build(),
                    new com.nimbusds.jwt.JWTClaimsSet.Builder()
                            .issuer(key.getKeyID())
                            .audience(baseUrl)
                            .issueTime(new java.util.Date())
                            .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000))
                            .jwtID(java.util.UUID.randomUUID().toString())
                            .claim("htm", "GET")
                            .claim("htu", baseUrl + path)
                            .build());
            jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the command printed, and its exit status. */
    record Run(int status, String out) {}

    /** Runs {@code java -jar cairn.jar trace} with these arguments, in this JVM. */
    static Run trace(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = TraceCommand.run(args, print, print);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    /** Walks from this hop's incident with this auditor's key. */
    Run traceFrom(CairnInstance hop, String incident, String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(
                new String[] {"--key", keyFile.toString(), "--url", hop.url(), "--incident", incident}, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return trace(args);
    }

    /** Each instance signs a checkpoint of its trail; then each pair of neighbours witnesses the other's. */
    static void checkpointAndWitness(Iterable<CairnInstance> instances, CairnInstance[]... neighbours) {
        for (CairnInstance instance : instances) {
            ApiClient.Answer signed = instance.admin().post("/api/v1/audit/checkpoints", Map.of());
            assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        }
        for (CairnInstance[] pair : neighbours) {
            witness(pair[0], pair[1]);
            witness(pair[1], pair[0]);
        }
    }

    private static void witness(CairnInstance witness, CairnInstance log) {
        String peer = witness.bean(PeerRegistry.class)
                .byBaseUrl(log.url())
                .orElseThrow()
                .id()
                .toString();
        ApiClient.Answer answer = witness.admin().post("/api/v1/federation/peers/" + peer + "/witnessing", Map.of());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }
}
