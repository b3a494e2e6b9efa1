package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.FormSession;
import io.cairn.MailServers;
import io.cairn.compliance.ComplianceFixture;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A personal-data breach that a provider states starts the duties the receiving legal entity's profile gives it
 * (GDPR Art 33(2), GDPR-9): a controller's 72 hours run from its own awareness, when its processor told it; a
 * processor's notice to its controller opens, due without undue delay. The provider's business unit says which legal
 * entity its incidents concern; what a privacy officer recorded already stays.
 */
@MailServers.Running
class ProviderBreachDutiesServerTest extends ApiClient.OnServer {

    private static final String SERVER = "https://cairn.test";

    @Autowired
    JdbcClient jdbc;

    private String run;
    private ApiClient admin;
    private ApiClient officer;
    private TestUser officerUser;
    private ProviderFixture provider;

    @BeforeEach
    void aProvider() {
        run = Long.toString(System.nanoTime(), 36);
        admin = client(users.user("duty-admin-" + run, Set.of(Role.ADMIN)));
        officerUser = users.user("duty-dpo-" + run, Set.of(Role.PRIVACY_OFFICER));
        officer = client(officerUser);
        provider = new ProviderFixture(admin, jdbc, SERVER, port, "Cloud " + run, "https://cloud-" + run + ".example");
    }

    /** Makes the legal entity with the GDPR role, and gives the provider a business unit of it. */
    private void providerServes(String gdprRole) {
        Map<String, Object> profile =
                new HashMap<>(ComplianceFixture.dutchController("Zorg " + run, "not-in-scope", officerUser.id()));
        profile.put("gdprRole", gdprRole);
        String entity = admin.post("/api/v1/compliance/legal-entities", profile)
                .json()
                .path("id")
                .asString();
        String unit = ComplianceFixture.businessUnit(admin, "Unit " + run, entity);
        ApiClient.Answer changed = admin.put(
                "/api/v1/federation/peers/" + provider.peerId,
                Map.of(
                        "name",
                        provider.name,
                        "baseUrl",
                        provider.baseUrl,
                        "role",
                        "provider",
                        "businessUnit",
                        unit,
                        "version",
                        0));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("businessUnit").asString()).isEqualTo(unit);
    }

    private String received(JsonNode message) {
        ApiClient.Answer answer = provider.push(provider.sign(message));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        AppliedMessages.await(jdbc);
        return provider.incidentOf(
                UUID.fromString(message.path("incident").path("id").asString()));
    }

    private JsonNode compliance(String incident) {
        return officer.get("/api/v1/incidents/" + incident + "/compliance").json();
    }

    @Test
    void aControllerIsAwareWhenItsProcessorToldItAndItsSeventyTwoHoursRunFromThen() {
        providerServes("controller");
        Instant before = Instant.now();

        String incident =
                received(provider.breach(UUID.randomUUID(), 1, ProviderFixture.NOW.minus(Duration.ofDays(2))));

        JsonNode compliance = compliance(incident);
        assertThat(compliance.path("legalEntitySource").asString()).isEqualTo("business-unit");
        JsonNode told = ComplianceFixture.fact(compliance, "gdpr.processor-notified-us");
        JsonNode aware = ComplianceFixture.fact(compliance, "gdpr.awareness");
        Instant receivedAt = Instant.parse(aware.path("at").asString());
        assertThat(receivedAt)
                .isAfterOrEqualTo(before.minusSeconds(1))
                .isEqualTo(told.path("at").asString());
        assertThat(aware.path("setByName").asString()).isEqualTo(provider.name);
        assertThat(aware.path("justification").asString())
                .contains("Cloud " + run, "personal-data breach", "Art 33(2)");
        assertThat(officer.put(
                                "/api/v1/incidents/" + incident + "/compliance/decisions/personal-data-breach",
                                Map.of("result", "yes", "rationale", "our customers' addresses", "version", 0))
                        .status())
                .isEqualTo(200);
        assertThat(officer.put(
                                "/api/v1/incidents/" + incident + "/compliance/decisions/gdpr-risk",
                                Map.of("result", "risk", "rationale", "phishing is likely", "version", 0))
                        .status())
                .isEqualTo(200);

        assertThat(Instant.parse(ComplianceFixture.stage(compliance(incident), "supervisory-authority")
                        .path("dueAt")
                        .asString()))
                .as("72 hours from this controller's awareness, not from the provider's")
                .isEqualTo(receivedAt.plus(Duration.ofHours(72)));
        assertThat(compliance(incident)
                        .path("obligations")
                        .valueStream()
                        .flatMap(obligation -> obligation.path("stages").valueStream())
                        .map(found -> found.path("stage").asString()))
                .doesNotContain("controller");
    }

    @Test
    void aProcessorsNoticeToItsControllerOpensWithoutAnyoneDecidingAndIsDueWithinADay() {
        providerServes("processor");

        String incident =
                received(provider.breach(UUID.randomUUID(), 1, ProviderFixture.NOW.minus(Duration.ofHours(1))));

        JsonNode compliance = compliance(incident);
        JsonNode aware = ComplianceFixture.fact(compliance, "gdpr.processor-awareness");
        Instant receivedAt = Instant.parse(aware.path("at").asString());
        JsonNode notice = ComplianceFixture.stage(compliance, "controller");
        assertThat(notice.path("status").asString()).isIn("open", "due-soon");
        assertThat(notice.path("internalTarget").asBoolean()).isTrue();
        assertThat(Instant.parse(notice.path("dueAt").asString())).isEqualTo(receivedAt.plus(Duration.ofHours(24)));
        assertThat(compliance
                        .path("facts")
                        .valueStream()
                        .map(found -> found.path("fact").asString()))
                .doesNotContain("gdpr.awareness", "gdpr.processor-notified-us");
    }

    @Test
    void aProcessorsNoticeIsSubmittedWhenItsHandlerPublishesTheBreachToTheCustomers() {
        providerServes("processor");
        UUID subscription = customerSubscription();
        String incident =
                received(provider.breach(UUID.randomUUID(), 1, ProviderFixture.NOW.minus(Duration.ofHours(1))));
        assertThat(ComplianceFixture.stage(compliance(incident), "controller")
                        .path("status")
                        .asString())
                .isNotEqualTo("submitted");
        assertThat(section(incident))
                .as("the open notice leads to the page where the incident is shared")
                .contains("/incidents/" + incident + "/share", "sharing the incident with them submits this notice");
        ApiClient handler = client(users.user("duty-handler-" + run, Set.of(Role.HANDLER, Role.COORDINATOR)));

        ApiClient.Answer published = handler.post(
                "/api/v1/incidents/" + incident + "/publication", Map.of("subscriptions", List.of(subscription)));

        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        JsonNode compliance = compliance(incident);
        assertThat(ComplianceFixture.stage(compliance, "controller")
                        .path("status")
                        .asString())
                .isEqualTo("submitted");
        JsonNode sent = officer.get("/api/v1/incidents/" + incident + "/compliance/obligations/"
                        + compliance.path("obligations").get(0).path("id").asString() + "/stages/controller/submission")
                .json()
                .path("submissions");
        assertThat(sent.size()).isEqualTo(1);
        assertThat(sent.get(0).path("channel").asString()).isEqualTo("api");
        assertThat(sent.get(0).path("recipient").asString()).isEqualTo("Klant " + run);
        assertThat(sent.get(0).path("reference").asString())
                .isEqualTo(published.json().path("exchangeId").asString());
        assertThat(sent.get(0).path("submittedByName").asString()).startsWith("duty-handler-" + run);
        assertThat(section(incident)).doesNotContain("/incidents/" + incident + "/share");
    }

    /** A subscription of a new customer, Klant, at the server. */
    private UUID customerSubscription() {
        ProviderFixture customer = new ProviderFixture(
                admin, jdbc, SERVER, port, "Klant " + run, "https://klant-" + run + ".example", "customer");
        UUID subscription = UUID.randomUUID();
        jdbc.sql("""
                        insert into federation_subscription (id, peer_id, services, categories, state, created_at,
                                                             updated_at, version)
                        values (?, ?, '{}', '{}', 'active', now(), now(), 0)""").params(subscription, customer.peerId).update();
        return subscription;
    }

    /** The incident's compliance section as its privacy officer's browser gets it. */
    private String section(String incident) {
        return FormSession.signedIn(port, officerUser.username(), TestUsers.PASSWORD)
                .get("/incidents/" + incident + "/compliance")
                .body();
    }

    @Test
    void aProcessorsNoticeIsSubmittedWhenARelayedCopyCarriesTheBreachTheProviderStatedLater() {
        providerServes("processor");
        UUID subscription = customerSubscription();
        UUID exchange = UUID.randomUUID();
        String incident = received(provider.publication(exchange, 1));
        ApiClient handler = client(users.user("relay-handler-" + run, Set.of(Role.HANDLER, Role.COORDINATOR)));
        assertThat(handler.post(
                                "/api/v1/incidents/" + incident + "/publication",
                                Map.of("subscriptions", List.of(subscription)))
                        .status())
                .isEqualTo(200);

        received(provider.breach(exchange, 2, ProviderFixture.NOW.minus(Duration.ofHours(1))));

        JsonNode notice = ComplianceFixture.stage(compliance(incident), "controller");
        assertThat(notice.path("status").asString())
                .as("the copy re-issued with the breach told the customer")
                .isEqualTo("submitted");
    }

    @Test
    void anAwarenessThePrivacyOfficerRecordedStaysWhenTheProviderLaterStatesABreach() {
        providerServes("both");
        UUID exchange = UUID.randomUUID();
        String incident = received(provider.publication(exchange, 1));
        assertThat(officer.put(
                                "/api/v1/incidents/" + incident + "/compliance/facts/gdpr.awareness",
                                Map.of(
                                        "at",
                                        "2025-03-07T10:00:00Z",
                                        "justification",
                                        "our own monitoring saw it first",
                                        "version",
                                        0))
                        .status())
                .isEqualTo(200);

        received(provider.breach(exchange, 2, ProviderFixture.NOW.minus(Duration.ofHours(1))));

        JsonNode compliance = compliance(incident);
        JsonNode aware = ComplianceFixture.fact(compliance, "gdpr.awareness");
        assertThat(aware.path("at").asString()).isEqualTo("2025-03-07T10:00:00Z");
        assertThat(aware.path("version").asLong()).isEqualTo(1);
        assertThat(ComplianceFixture.fact(compliance, "gdpr.processor-notified-us")
                        .path("setByName")
                        .asString())
                .isEqualTo(provider.name);
        assertThat(ComplianceFixture.fact(compliance, "gdpr.processor-awareness")
                        .path("setByName")
                        .asString())
                .isEqualTo(provider.name);
        assertThat(jdbc.sql("select count(*) from audit_record where object_id like ? and action = ?")
                        .params(incident + "/%", "regime-fact.recorded")
                        .query(Long.class)
                        .single())
                .as("the officer's awareness, and the provider's two statements")
                .isEqualTo(3);
    }

    @Test
    void aBusinessUnitIsRefusedWhenItIsUnknownOrThePeerIsACustomer() {
        ApiClient.Answer unknown = admin.post(
                "/api/v1/federation/peers",
                Map.of(
                        "name",
                        "Unknown unit " + run,
                        "baseUrl",
                        "https://unknown-unit-" + run + ".example",
                        "role",
                        "provider",
                        "keys",
                        Map.of("keys", List.of(provider.key.toPublicJWK().toJSONObject())),
                        "businessUnit",
                        UUID.randomUUID().toString()));
        ProviderFixture.assertRefused(unknown, 400, "businessUnit", "no business unit");
        ProviderFixture.assertRefused(
                admin.post(
                        "/api/v1/federation/peers",
                        Map.of(
                                "name",
                                "Not an id " + run,
                                "baseUrl",
                                "https://not-an-id-" + run + ".example",
                                "role",
                                "provider",
                                "keys",
                                Map.of(
                                        "keys",
                                        List.of(provider.key.toPublicJWK().toJSONObject())),
                                "businessUnit",
                                "sales")),
                400,
                "businessUnit",
                "no business unit");
        String unit = ComplianceFixture.businessUnit(
                admin, "Customers " + run, ComplianceFixture.legalEntity(admin, "Klant " + run, "not-in-scope", null));
        ProviderFixture.assertRefused(
                admin.post(
                        "/api/v1/federation/peers",
                        Map.of(
                                "name",
                                "Customer " + run,
                                "baseUrl",
                                "https://customer-" + run + ".example",
                                "role",
                                "customer",
                                "keys",
                                Map.of(
                                        "keys",
                                        List.of(provider.key.toPublicJWK().toJSONObject())),
                                "businessUnit",
                                unit)),
                400,
                "businessUnit",
                "provider");
        assertThat(jdbc.sql("select count(*) from federation_peer where base_url like ?")
                        .param("%" + run + "%")
                        .query(Long.class)
                        .single())
                .as("only the provider of the fixture")
                .isEqualTo(1);
    }
}
