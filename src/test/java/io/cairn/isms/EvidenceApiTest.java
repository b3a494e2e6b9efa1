package io.cairn.isms;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The evidence of an incident over real HTTP: an item with a file whose SHA-256 Cairn computes, one with the hash its
 * collector recorded, bad input refused naming the field with nothing stored, a hand-over signed off by both sides
 * (and refused to nobody, or to someone who may not read the incident), a decline, an integrity check, a correction,
 * 409 to a stale version, the audit trail holding each entry, the custody record as a PDF, and nothing of it for a
 * reporter, another team on a confidential incident, or a resolver.
 */
class EvidenceApiTest extends ApiClient.OnServer {

    private static final String HASH = "0123456789ABCDEF".repeat(4);

    @Autowired
    JdbcClient jdbc;

    TestUser handler;
    TestUser colleague;
    TestUser otherTeam;
    TestUser reporter;
    TestUser resolver;
    ApiClient asHandler;
    String incident;
    String evidence;

    @BeforeEach
    void anIncidentOfTheTeam() {
        String s = Long.toString(System.nanoTime(), 36);
        TeamId cert = users.teamNamed("evidence-cert-" + s);
        TeamId soc = users.teamNamed("evidence-soc-" + s);
        handler = users.userNamed("ev-handler-" + s, Set.of(Role.HANDLER), cert);
        colleague = users.userNamed("ev-colleague-" + s, Set.of(Role.HANDLER), cert);
        otherTeam = users.userNamed("ev-other-" + s, Set.of(Role.HANDLER), soc);
        reporter = users.userNamed("ev-reporter-" + s, Set.of(Role.REPORTER));
        resolver = users.userNamed("ev-resolver-" + s, Set.of(Role.RESOLVER), cert);
        asHandler = client(handler);
        ApiClient.Answer created = asHandler.post(
                "/api/v1/incidents", Map.of("title", "Mailbox rule " + s, "description", "Forwarding rule found"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        incident = created.json().get("id").asString();
        ok(asHandler.post("/api/v1/incidents/" + incident + "/assign", Map.of("team", cert.toString(), "version", 0)));
        ok(asHandler.post(
                "/api/v1/incidents/" + incident + "/mark",
                Map.of("tlp", "AMBER", "pap", "AMBER", "confidential", true, "version", 1)));
        evidence = "/api/v1/incidents/" + incident + "/evidence";
    }

    static Map<String, Object> recorded(String sha256) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", "disk-image");
        item.put("description", "Image of the CFO's laptop disk");
        item.put("source", "Laptop NL-4711, serial C02XK0ABJG5H");
        item.put("collectedAt", "2026-12-01T09:30:00Z");
        item.put("collectedWhere", "Amsterdam office, room 4.12");
        item.put("collectedHow", "Tableau T35u write-blocker + FTK Imager 4.7");
        item.put("sha256", sha256);
        item.put("storageLocation", "Evidence safe A, shelf 2");
        return item;
    }

    private JsonNode record(Map<String, Object> item) {
        ApiClient.Answer added = asHandler.post(evidence, item);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json();
    }

    @Test
    void anItemWithAFileHasTheFilesSha256AndPassesItsIntegrityCheck() throws Exception {
        byte[] file = "Received: from evil.example\r\nSubject: invoice\r\n\r\nPay now".getBytes(StandardCharsets.UTF_8);
        ApiClient.Answer added = upload(
                asHandler,
                evidence + "/files",
                file,
                Map.of(
                        "kind", "mail-file",
                        "description", "The phishing mail as received",
                        "source", "CFO mailbox",
                        "collectedAt", "2026-12-01T09:00:00Z",
                        "collectedWhere", "Exchange Online",
                        "collectedHow", "Purview content search export",
                        "storageLocation", "Cairn"));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode item = added.json();
        assertThat(item.get("sha256").asString()).isEqualTo(sha256(file));
        assertThat(item.get("held").asBoolean()).isTrue();
        assertThat(item.get("file").get("size").asLong()).isEqualTo(file.length);
        assertThat(item.get("custodian").get("id").asString())
                .isEqualTo(handler.id().toString());
        assertThat(item.get("custody").get(0).get("kind").asString()).isEqualTo("collected");
        assertThat(item.get("custody").get(0).get("computedSha256").asString()).isEqualTo(sha256(file));
        String path = evidence + "/" + item.get("id").asString();
        ApiClient.Bytes download = asHandler.bytes(path + "/content", Map.of("Accept", "*/*"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(download.header("Content-Type")).isEqualTo("application/octet-stream");

        JsonNode checked = ok(asHandler.post(path + "/integrity-checks", Map.of()));
        JsonNode check = checked.get("custody").get(1);
        assertThat(check.get("kind").asString()).isEqualTo("integrity-checked");
        assertThat(check.get("result").asString()).isEqualTo("match");
        assertThat(checked.get("chainIntact").asBoolean()).isTrue();
    }

    @Test
    void anItemCairnDoesNotHoldKeepsTheRecordedHashInLowerCaseAndCannotBeChecked() {
        JsonNode item = record(recorded(HASH));

        assertThat(item.get("sha256").asString()).isEqualTo(HASH.toLowerCase(java.util.Locale.ROOT));
        assertThat(item.get("held").asBoolean()).isFalse();
        assertThat(item.get("label").asString()).isEqualTo("E1");
        String path = evidence + "/" + item.get("id").asString();
        ApiClient.Answer check = asHandler.post(path + "/integrity-checks", Map.of());
        assertThat(check.status()).isEqualTo(409);
        assertThat(asHandler.bytes(path + "/content", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void refusesAHashThatIsNotASha256AndAnUploadWhoseHashDiffersNamingTheFieldStoringNothing() {
        long before = items();
        for (String bad : List.of("abc", HASH + "0", "d41d8cd98f00b204e9800998ecf8427e", "")) {
            ApiClient.Answer refused = asHandler.post(evidence, recorded(bad));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).startsWith("sha256: ");
        }
        ApiClient.Answer differs = upload(
                asHandler,
                evidence + "/files",
                "some log".getBytes(StandardCharsets.UTF_8),
                Map.of("sha256", HASH, "kind", "log-export"));
        assertThat(differs.status()).isEqualTo(400);
        assertThat(differs.json().get("detail").asString()).contains("sha256: is not the SHA-256 of the uploaded file");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void aHandOverIsSignedOffByBothSidesAndRefusedToNobodyOrToSomeoneWhoMayNotReadTheIncident() throws Exception {
        JsonNode item = record(recorded(HASH));
        String path = evidence + "/" + item.get("id").asString();
        long items = items();

        ApiClient.Answer toNobody = asHandler.post(path + "/transfers", transfer(null, 1));
        assertThat(toNobody.status()).isEqualTo(400);
        assertThat(toNobody.json().get("detail").asString()).startsWith("to: a transfer needs a receiver");
        for (TestUser notAllowed : List.of(reporter, otherTeam, resolver)) {
            ApiClient.Answer refused =
                    asHandler.post(path + "/transfers", transfer(notAllowed.id().toString(), 1));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("detail").asString())
                    .startsWith("to: " + notAllowed.displayName() + " may not read this incident's evidence");
        }
        ApiClient.Answer toMyself =
                asHandler.post(path + "/transfers", transfer(handler.id().toString(), 1));
        assertThat(toMyself.json().get("detail").asString()).startsWith("to: is the item's custodian already");
        assertThat(entries(item)).isEqualTo(1);

        JsonNode proposed =
                ok(asHandler.post(path + "/transfers", transfer(colleague.id().toString(), 1)));
        String transfer = proposed.get("pendingTransfer").get("id").asString();
        assertThat(client(colleague).get("/api/v1/notifications").body())
                .as("the receiver is told, with a link to the item")
                .contains("/evidence/" + item.get("id").asString())
                .contains("awaits your sign-off");
        assertThat(proposed.get("custodian").get("id").asString())
                .isEqualTo(handler.id().toString());
        ApiClient.Answer second =
                asHandler.post(path + "/transfers", transfer(colleague.id().toString(), 2));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).startsWith("to: another transfer of this item awaits");
        assertThat(asHandler
                        .post(path + "/transfers/" + transfer + "/accept", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(client(otherTeam)
                        .post(path + "/transfers/" + transfer + "/accept", Map.of())
                        .status())
                .isEqualTo(404);

        JsonNode accepted = ok(client(colleague).post(path + "/transfers/" + transfer + "/accept", Map.of()));
        assertThat(accepted.get("custodian").get("id").asString())
                .isEqualTo(colleague.id().toString());
        assertThat(accepted.get("storageLocation").asString()).isEqualTo("Forensic lab, safe 1");
        assertThat(accepted.get("pendingTransfer").isNull()).isTrue();
        JsonNode signOff = accepted.get("custody").get(2);
        assertThat(signOff.get("kind").asString()).isEqualTo("transfer-accepted");
        assertThat(signOff.get("recordedBy").get("id").asString())
                .isEqualTo(colleague.id().toString());
        assertThat(signOff.get("refersTo").asString()).isEqualTo(transfer);
        assertThat(client(colleague)
                        .post(path + "/transfers/" + transfer + "/accept", Map.of())
                        .status())
                .isEqualTo(409);
        // the one who handed it over holds it no more
        ApiClient.Answer notTheirs =
                asHandler.post(path + "/transfers", transfer(colleague.id().toString(), 3));
        assertThat(notTheirs.status()).isEqualTo(403);

        assertThat(audited(accepted))
                .containsExactly("evidence.collected", "evidence.transfer-proposed", "evidence.transfer-accepted");
        assertThat(items()).isEqualTo(items);
        try (var pdf = Loader.loadPDF(asHandler
                .bytes(path + "/custody.pdf", Map.of("Accept", "application/pdf"))
                .body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Custody record of evidence "
                            + accepted.get("incidentReference").asString() + " E1")
                    .contains("Mailbox rule")
                    .contains("Image of the CFO's laptop disk")
                    .contains(HASH.toLowerCase(java.util.Locale.ROOT))
                    .contains("Tableau T35u write-blocker + FTK Imager 4.7")
                    .contains("Transfer proposed")
                    .contains("Transfer accepted")
                    .contains(colleague.displayName())
                    .contains("UTC")
                    .contains("Europe/Amsterdam")
                    .contains(signOff.get("hash").asString())
                    .contains("sha256sum");
        }
        try (var pdf = Loader.loadPDF(asHandler
                .bytes(path + "/custody.pdf", Map.of("Accept", "application/pdf", "Accept-Language", "nl"))
                .body())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("Bewijsketenverslag van "
                            + accepted.get("incidentReference").asString() + " E1")
                    .contains("Overdracht aanvaard")
                    .contains("Zo controleert u het");
        }
    }

    @Test
    void theReceiverDeclinesWithAReasonAndTheCustodianKeepsTheItem() {
        JsonNode item = record(recorded(HASH));
        String path = evidence + "/" + item.get("id").asString();
        String transfer = ok(asHandler.post(
                        path + "/transfers", transfer(colleague.id().toString(), 1)))
                .get("pendingTransfer")
                .get("id")
                .asString();

        ApiClient.Answer noReason = client(colleague).post(path + "/transfers/" + transfer + "/decline", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asString()).startsWith("reason: is required");
        JsonNode declined = ok(client(colleague)
                .post(path + "/transfers/" + transfer + "/decline", Map.of("reason", "No room in the lab safe")));

        assertThat(declined.get("custodian").get("id").asString())
                .isEqualTo(handler.id().toString());
        assertThat(declined.get("pendingTransfer").isNull()).isTrue();
        assertThat(declined.get("custody").get(2).get("reason").asString()).isEqualTo("No room in the lab safe");
    }

    @Test
    void theCustodianWithdrawsATransferTheReceiverDoesNotAnswerAndOnlyTheCustodianMay() {
        JsonNode item = record(recorded(HASH));
        String path = evidence + "/" + item.get("id").asString();
        String transfer = ok(asHandler.post(
                        path + "/transfers", transfer(colleague.id().toString(), 1)))
                .get("pendingTransfer")
                .get("id")
                .asString();

        assertThat(client(colleague)
                        .post(path + "/transfers/" + transfer + "/withdraw", Map.of("reason", "mine now"))
                        .status())
                .isEqualTo(403);
        JsonNode withdrawn = ok(asHandler.post(
                path + "/transfers/" + transfer + "/withdraw", Map.of("reason", "The lab has no room this week")));

        assertThat(withdrawn.get("pendingTransfer").isNull()).isTrue();
        assertThat(withdrawn.get("custodian").get("id").asString())
                .isEqualTo(handler.id().toString());
        assertThat(withdrawn.get("custody").get(2).get("kind").asString()).isEqualTo("transfer-withdrawn");
        assertThat(client(colleague)
                        .post(path + "/transfers/" + transfer + "/accept", Map.of())
                        .status())
                .isEqualTo(409);
        ok(asHandler.post(path + "/transfers", transfer(colleague.id().toString(), 3)));
    }

    @Test
    void aCorrectionIsANewEntryReferringToTheOneItCorrectsOnTheVersionSeen() {
        JsonNode item = record(recorded(HASH));
        String path = evidence + "/" + item.get("id").asString();
        Map<String, Object> correction =
                Map.of("field", "source", "value", "Laptop NL-4712", "reason", "Asset tag misread", "version", 1);

        JsonNode corrected = ok(asHandler.post(path + "/corrections", correction));

        assertThat(corrected.get("source").asString()).isEqualTo("Laptop NL-4712");
        JsonNode entry = corrected.get("custody").get(1);
        assertThat(entry.get("kind").asString()).isEqualTo("corrected");
        assertThat(entry.get("oldValue").asString()).isEqualTo("Laptop NL-4711, serial C02XK0ABJG5H");
        assertThat(entry.get("refersTo").asString())
                .isEqualTo(corrected.get("custody").get(0).get("id").asString());
        ApiClient.Answer stale = asHandler.post(path + "/corrections", correction);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        ApiClient.Answer staleTransfer =
                asHandler.post(path + "/transfers", transfer(colleague.id().toString(), 1));
        assertThat(staleTransfer.status()).isEqualTo(409);
        assertThat(entries(item)).isEqualTo(2);
    }

    @Test
    void aReporterAnotherTeamOnAConfidentialIncidentAndAResolverFindNoEvidenceAnywhere() {
        JsonNode item = record(recorded(HASH));
        String path = evidence + "/" + item.get("id").asString();
        String transfer = ok(asHandler.post(
                        path + "/transfers", transfer(colleague.id().toString(), 1)))
                .get("pendingTransfer")
                .get("id")
                .asString();
        long before = items() + entries(item);

        for (TestUser outsider : List.of(reporter, otherTeam, resolver)) {
            ApiClient as = client(outsider);
            assertThat(List.of(
                            as.get(evidence).status(),
                            as.post(evidence, recorded(HASH)).status(),
                            upload(as, evidence + "/files", new byte[] {1}, Map.of())
                                    .status(),
                            as.get(path).status(),
                            as.bytes(path + "/content", Map.of()).status(),
                            as.bytes(path + "/custody.pdf", Map.of()).status(),
                            as.post(path + "/transfers", transfer(colleague.id().toString(), 2))
                                    .status(),
                            as.post(path + "/transfers/" + transfer + "/accept", Map.of())
                                    .status(),
                            as.post(path + "/transfers/" + transfer + "/decline", Map.of("reason", "x"))
                                    .status(),
                            as.post(
                                            path + "/corrections",
                                            Map.of("field", "source", "value", "x", "reason", "y", "version", 2))
                                    .status(),
                            as.post(path + "/integrity-checks", Map.of()).status()))
                    .as(outsider.username())
                    .containsOnly(404);
            assertThat(as.get("/api/v1/evidence/awaiting-my-sign-off").body())
                    .doesNotContain(item.get("id").asString());
        }
        assertThat(items() + entries(item)).isEqualTo(before);
        assertThat(client(colleague)
                        .get("/api/v1/evidence/awaiting-my-sign-off")
                        .body())
                .contains(item.get("id").asString());
    }

    private Map<String, Object> transfer(String to, long version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("purpose", "Analysis of the disk image");
        body.put("storageLocation", "Forensic lab, safe 1");
        body.put("version", version);
        return body;
    }

    private List<String> audited(JsonNode item) {
        return jdbc
                .sql("select action || ' ' || after_digest from audit_record where object_id = ? order by seq")
                .param(item.get("id").asString())
                .query(String.class)
                .list()
                .stream()
                .peek(record -> assertThat(item.get("custody").toString()).contains(record.split(" ")[1]))
                .map(record -> record.split(" ")[0])
                .toList();
    }

    private long items() {
        return jdbc.sql("select count(*) from evidence_item where incident_id = ?::uuid")
                .param(incident)
                .query(Long.class)
                .single();
    }

    private long entries(JsonNode item) {
        return jdbc.sql("select count(*) from evidence_custody_entry where item_id = ?::uuid")
                .param(item.get("id").asString())
                .query(Long.class)
                .single();
    }

    private static JsonNode ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
        return answer.json();
    }

    static ApiClient.Answer upload(ApiClient as, String path, byte[] file, Map<String, String> fields) {
        String boundary = "evidence" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mail.eml\""
                        + "\r\nContent-Type: message/rfc822\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return as.postRaw(
                path,
                "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
