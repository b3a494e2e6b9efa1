package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.audit.CosignerKey;
import io.cairn.audit.SignedNote;
import io.cairn.audit.VerifierKey;
import io.cairn.audit.witnessing.TrailWitnessing;
import io.cairn.shared.Outcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Three instances over real HTTP: Bravo and Charlie witness Alpha's audit trail. Each fetches Alpha's checkpoint and
 * the consistency proof from the last one it cosigned, cosigns, and sends the cosignature back; Alpha keeps both and
 * shows them to its auditors, but never shows one peer the other's cosignature. A request that is not signed by a
 * peer, a forged cosignature and a peer's changed witness key are refused with the reason.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WitnessingBetweenInstancesTest {

    private CairnInstance alpha;
    private CairnInstance bravo;
    private CairnInstance charlie;

    @BeforeAll
    void startThreeInstances() {
        alpha = CairnInstance.start("Alpha", Map.of());
        bravo = CairnInstance.start("Bravo", Map.of());
        charlie = CairnInstance.start("Charlie", Map.of());
        register(alpha, bravo, "customer");
        register(alpha, charlie, "customer");
        register(bravo, alpha, "provider");
        register(charlie, alpha, "provider");
    }

    @AfterAll
    void stopThem() {
        for (CairnInstance instance : new CairnInstance[] {alpha, bravo, charlie}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    private static void register(CairnInstance at, CairnInstance peer, String role) {
        ApiClient.Answer answer = at.admin()
                .post(
                        "/api/v1/federation/peers",
                        Map.of("name", "Peer " + peer.port(), "baseUrl", peer.url(), "role", role));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    private static String peerId(CairnInstance at, CairnInstance peer) {
        return at.bean(PeerRegistry.class)
                .byBaseUrl(peer.url())
                .orElseThrow()
                .id()
                .toString();
    }

    private static long signCheckpoint(CairnInstance instance) {
        ApiClient.Answer signed = instance.admin().post("/api/v1/audit/checkpoints", Map.of());
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        return signed.json().get("size").asLong();
    }

    private static ApiClient.Answer witness(CairnInstance witness, CairnInstance log) {
        return witness.admin().post("/api/v1/federation/peers/" + peerId(witness, log) + "/witnessing", Map.of());
    }

    private static CosignerKey witnessKey(CairnInstance instance) {
        return instance.bean(TrailWitnessing.class).witnessKey();
    }

    @Test
    void twoPeersWitnessATrailAsItGrowsAndItKeepsTheirCosignaturesWithoutShowingOneToTheOther() {
        long first = signCheckpoint(alpha);

        assertThat(witness(bravo, alpha).json().get("cosignedSize").asLong()).isEqualTo(first);
        assertThat(witness(charlie, alpha).json().get("cosignedSize").asLong()).isEqualTo(first);

        ApiClient auditor =
                alpha.user("auditor-" + System.nanoTime(), java.util.Set.of(io.cairn.identity.Role.AUDITOR));
        SignedNote cosigned = SignedNote.parse(
                        auditor.get("/api/v1/audit/cosigned-checkpoint").body())
                .orElseThrow();
        assertThat(cosigned.signatures()).hasSize(3);
        assertThat(witnessKey(bravo).check(cosigned).check()).isEqualTo(VerifierKey.Check.SIGNED);
        assertThat(witnessKey(charlie).check(cosigned).check()).isEqualTo(VerifierKey.Check.SIGNED);
        assertThat(alpha.bean(TrailWitnessing.class).checkpointKey().check(cosigned))
                .isEqualTo(VerifierKey.Check.SIGNED);

        PeerView alphaAtBravo =
                bravo.bean(PeerRegistry.class).byBaseUrl(alpha.url()).orElseThrow();
        PeerHttp.Answer served = ((Outcome.Done<PeerHttp.Answer>)
                        bravo.bean(PeerClient.class).get(alphaAtBravo, PeerWitnessing.CHECKPOINT))
                .value();
        String servedNote = new String(served.body(), StandardCharsets.UTF_8);
        assertThat(SignedNote.parse(servedNote).orElseThrow().signatures()).hasSize(1);
        assertThat(servedNote).doesNotContain(witnessKey(charlie).name());

        alpha.admin().post("/api/v1/federation/keys/rotation", Map.of("activeKid", activeKid(alpha)));
        long second = signCheckpoint(alpha);
        assertThat(second).isGreaterThan(first);
        ApiClient.Answer again = witness(bravo, alpha);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("cosignedSize").asLong()).isEqualTo(second);

        JsonNode state =
                bravo.admin().get("/api/v1/federation/witnessing").json().get(0);
        assertThat(state.get("cosignedSize").asLong()).isEqualTo(second);
        assertThat(state.get("outcome").asString()).isEqualTo("cosigned the checkpoint of size " + second);
        assertThat(state.get("reason").get("code").asString()).isEqualTo("witnessing.cosigned");
        assertThat(state.get("reason").get("arguments").get(0).asString()).isEqualTo(String.valueOf(second));
        assertThat(state.get("alarms")).isEmpty();
        assertThat(state.get("witnessKey").asString())
                .isEqualTo(witnessKey(alpha).encoded());
    }

    @Test
    void aRequestForTheTrailThatNoPeerSignedIsRefused() throws Exception {
        HttpResponse<String> unsigned = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(alpha.url() + PeerWitnessing.CHECKPOINT))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("a peer must sign this request");
    }

    @Test
    void aForgedCosignatureIsRefusedAndNothingIsKept() {
        signCheckpoint(alpha);
        PeerView alphaAtCharlie =
                charlie.bean(PeerRegistry.class).byBaseUrl(alpha.url()).orElseThrow();
        witness(charlie, alpha);
        String note = new String(
                ((Outcome.Done<PeerHttp.Answer>)
                                charlie.bean(PeerClient.class).get(alphaAtCharlie, PeerWitnessing.CHECKPOINT))
                        .value()
                        .body(),
                StandardCharsets.UTF_8);
        CosignerKey charlieKey = witnessKey(charlie);
        String forged = note + "\u2014 " + charlieKey.name() + " "
                + java.util.Base64.getEncoder()
                        .encodeToString(java.nio.ByteBuffer.allocate(76)
                                .putInt(charlieKey.keyId())
                                .putLong(1)
                                .array())
                + "\n";
        long kept = cosignatures(alpha);

        PeerHttp.Answer refused = ((Outcome.Done<PeerHttp.Answer>) charlie.bean(PeerClient.class)
                        .post(
                                alphaAtCharlie,
                                PeerWitnessing.COSIGNATURES,
                                "text/plain",
                                forged.getBytes(StandardCharsets.UTF_8)))
                .value();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("holds no cosignature");
        assertThat(cosignatures(alpha)).isEqualTo(kept);
    }

    @Test
    void forgettingAPinnedWitnessKeyIsAuditedAndTheNextRoundPinsItAgain() {
        signCheckpoint(alpha);
        assertThat(witness(bravo, alpha).status()).isEqualTo(200);
        String alphaAtBravo = peerId(bravo, alpha);

        assertThat(bravo.admin()
                        .delete("/api/v1/federation/peers/" + alphaAtBravo + "/witnessing")
                        .status())
                .isEqualTo(204);
        assertThat(bravo.admin().get("/api/v1/federation/witnessing").json()).isEmpty();
        assertThat(witness(bravo, alpha).status()).isEqualTo(200);

        assertThat(actions(bravo, alphaAtBravo))
                .containsSubsequence(
                        "federation-peer.witness-key-pinned",
                        "federation-peer.witness-key-forgotten",
                        "federation-peer.witness-key-pinned");
    }

    private static long cosignatures(CairnInstance instance) {
        return instance.bean(JdbcClient.class)
                .sql("select count(*) from audit_cosignature")
                .query(Long.class)
                .single();
    }

    private static List<String> actions(CairnInstance instance, String objectId) {
        return instance.bean(JdbcClient.class)
                .sql("select action from audit_record where object_id = ? order by seq")
                .param(objectId)
                .query(String.class)
                .list();
    }

    private static String activeKid(CairnInstance instance) {
        return instance.bean(SigningKeyring.class).activeKey().getKeyID();
    }
}
