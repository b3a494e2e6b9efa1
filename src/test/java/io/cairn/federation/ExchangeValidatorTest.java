package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The schema and the rules refuse hand-made bad messages, naming the JSON pointer of each field at fault. */
class ExchangeValidatorTest {

    private final ExchangeValidator validator = new ExchangeValidator(256 * 1024);

    @Test
    void refusesWrongTypesNamingTheirPointers() {
        assertThat(fields(m -> m.withObject("incident").put("version", "7"))).containsExactly("/incident/version");
        assertThat(fields(m -> m.withObject("incident").put("hopBudget", 17))).containsExactly("/incident/hopBudget");
        assertThat(fields(m -> m.put("messageId", "not-a-uuid"))).contains("/messageId");
        assertThat(fields(m -> m.put("issuedAt", "2026-12-01T10:00:00+01:00"))).contains("/issuedAt");
        assertThat(fields(m -> m.withObject("incident").put("status", "open"))).containsExactly("/incident/status");
    }

    @Test
    void refusesRed() {
        assertThat(fields(m -> m.withObject("incident").put("tlp", "RED"))).containsExactly("/incident/tlp");
        assertThat(fields(m -> m.withObject("incident")
                        .withArray("indicators")
                        .addObject()
                        .put("type", "ip-address")
                        .put("value", "192.0.2.1")
                        .put("ioc", true)
                        .put("tlp", "RED")))
                .containsExactly("/incident/indicators/0/tlp");
    }

    @Test
    void refusesMissingAndExtraFields() {
        assertThat(fields(m -> m.withObject("incident").remove("title"))).containsExactly("/incident/title");
        assertThat(fields(m -> m.remove("recipient"))).containsExactly("/recipient");
        assertThat(fields(m -> m.put("origin", "https://iaas.example"))).containsExactly("/origin");
        assertThat(fields(m -> m.withObject("incident").withObject("category").put("subtype", "x")))
                .containsExactly("/incident/category/subtype");
        assertThat(fields(m -> m.withObject("incident").withObject("extensions").put("no namespace", 1)))
                .containsExactly("/incident/extensions/no namespace");
    }

    @Test
    void refusesOverLongStrings() {
        assertThat(fields(m -> m.withObject("incident").put("title", "t".repeat(201))))
                .containsExactly("/incident/title");
        assertThat(fields(m -> m.withObject("publisher").put("name", "n".repeat(201))))
                .containsExactly("/publisher/name");
    }

    @Test
    void keepsExtensionsOfUnknownNamespaces() {
        assertThat(validator.read(json(m -> m.withObject("incident")
                        .withObject("extensions")
                        .putObject("org.example.unknown:anything")
                        .put("deep", true))))
                .isInstanceOf(Outcome.Done.class);
    }

    @Test
    void refusesWhatTheSchemaCannotSay() {
        assertThat(fields(m -> m.put("expiresAt", m.get("issuedAt").asString())))
                .containsExactly("/expiresAt");
        assertThat(fields(m -> m.put("kind", "retraction"))).containsExactly("/retraction");
        assertThat(fields(m -> m.putObject("markingChange")
                        .put("reason", "lowered")
                        .put("previousTlp", "AMBER")
                        .put("previousPap", "GREEN")))
                .containsExactly("/markingChange");
        assertThat(fields(m -> m.withObject("incident")
                        .put("occurredAt", "2026-01-02T00:00:00Z")
                        .put("detectedAt", "2026-01-01T00:00:00Z")))
                .containsExactly("/incident/detectedAt");
    }

    @Test
    void theExampleOfTheDocumentationIsValid() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("docs/federation.md"));
        String start = "### Example\n\n```json\n";
        String example = page.substring(
                page.indexOf(start) + start.length(), page.indexOf("\n```", page.indexOf(start) + start.length()));

        assertThat(validator.read(example.getBytes(StandardCharsets.UTF_8))).isInstanceOf(Outcome.Done.class);
    }

    @Test
    void refusesWhatIsNoJsonOrTooLarge() {
        assertThat(problems("{\"schema\":1,\"schema\":2}".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("/");
        assertThat(problems("[]".getBytes(StandardCharsets.UTF_8))).containsExactly("/");
        assertThat(validator.read(new byte[256 * 1024 + 1]))
                .isInstanceOfSatisfying(
                        Outcome.Refused.class,
                        refused -> assertThat(refused.refusal().kind()).isEqualTo(Refusal.Kind.TOO_LARGE));
    }

    @Test
    void acceptsAnEntrySealedToSeveralAuditorsAndRefusesAMalformedOne() throws Exception {
        JWKSet auditors = new JWKSet(List.of(
                new ECKeyGenerator(Curve.P_256).generate().toPublicJWK(),
                new ECKeyGenerator(Curve.P_256).generate().toPublicJWK()));
        ProvenanceSeal seal = new ProvenanceSeal(ProvenanceSealTest.auditors(auditors.toString(true)));
        tools.jackson.databind.JsonNode sealed = seal.seal(new ProvenanceSeal.Entry(
                        "https://paas.example", UUID.randomUUID(), UUID.randomUUID(), 1, Instant.now(), null))
                .sealed();

        assertThat(validator.read(json(
                        m -> m.withObject("incident").withObject("provenance").set("sealed", sealed))))
                .isInstanceOf(Outcome.Done.class);
        assertThat(fields(m -> m.withObject("incident")
                        .withObject("provenance")
                        .set("sealed", ((ObjectNode) sealed.deepCopy()).put("ciphertext", "not base64url!"))))
                .contains("/incident/provenance/sealed/ciphertext")
                .allMatch(field -> field.startsWith("/incident/provenance/sealed"));
        assertThat(fields(m -> m.withObject("incident")
                        .withObject("provenance")
                        .set("sealed", ExchangeJson.MAPPER.createObjectNode().put("ciphertext", "abc"))))
                .isNotEmpty()
                .allMatch(field -> field.startsWith("/incident/provenance/sealed"));
    }

    /** A valid message as a JSON tree, changed by the test. */
    private static byte[] json(Consumer<ObjectNode> change) {
        ExchangeMessage message = ExchangeArbitraries.sample(ExchangeArbitraries.messages()
                .filter(m -> m.kind().equals("publication"))
                .map(m -> new ExchangeMessage(
                        m.schema(),
                        m.messageId(),
                        m.kind(),
                        m.issuedAt(),
                        m.expiresAt(),
                        m.publisher(),
                        m.recipient(),
                        m.subscription(),
                        new ExchangeMessage.Incident(
                                m.incident().id(),
                                m.incident().version(),
                                "Storage breach",
                                "",
                                m.incident().category(),
                                "analysis",
                                "confirmed",
                                "high",
                                null,
                                null,
                                m.incident().updatedAt(),
                                List.of(),
                                List.of(),
                                List.of(),
                                null,
                                "AMBER",
                                "GREEN",
                                3,
                                m.incident().provenance(),
                                java.util.Map.of()),
                        null,
                        null)));
        ObjectNode tree = (ObjectNode) ExchangeJson.MAPPER.readTree(ExchangeJson.write(message));
        change.accept(tree);
        return ExchangeJson.MAPPER.writeValueAsBytes(tree);
    }

    private List<String> fields(Consumer<ObjectNode> change) {
        return problems(json(change));
    }

    private List<String> problems(byte[] payload) {
        Outcome<ExchangeMessage> read = validator.read(payload);
        assertThat(read).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<ExchangeMessage>) read)
                .refusal().fields().stream()
                        .map(Refusal.FieldProblem::field)
                        .distinct()
                        .toList();
    }
}
