package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.ApiClient;
import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Admins create and change legal entities with their regulatory profile; coordinators and privacy officers read them;
 * a change on an older version loses with 409, bad input names its field, and the trail records each change.
 */
class LegalEntityApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    ApiClient admin;
    TestUser officer;
    String s;

    @BeforeEach
    void people() {
        s = Long.toString(System.nanoTime(), 36);
        admin = client(users.user("le-admin-" + s, Set.of(Role.ADMIN)));
        officer = users.user("le-dpo-" + s, Set.of(Role.PRIVACY_OFFICER));
    }

    private Map<String, Object> profile(String name) {
        Map<String, Object> profile = new HashMap<>();
        profile.put("name", name + " " + s);
        profile.put("jurisdictions", List.of("nl", "BE"));
        profile.put("nis2", "important");
        profile.put("doraFinancialEntity", false);
        profile.put("gdprRole", "controller");
        profile.put("supervisoryAuthorityName", "Autoriteit Persoonsgegevens");
        profile.put("supervisoryAuthorityContact", "https://autoriteitpersoonsgegevens.nl");
        profile.put("privacyOfficer", officer.id().toString());
        return profile;
    }

    @Test
    void anAdminCreatesAndChangesALegalEntityThePrivacyOfficerReadsItAndTheTrailRecordsBoth() {
        ApiClient.Answer created = admin.post("/api/v1/compliance/legal-entities", profile("Voorbeeld B.V."));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("jurisdictions").toString()).isEqualTo("[\"NL\",\"BE\"]");

        Map<String, Object> change = profile("Voorbeeld B.V.");
        change.put("nis2", "essential");
        change.put("doraFinancialEntity", true);
        change.put("version", 0);
        ApiClient.Answer changed = admin.put("/api/v1/compliance/legal-entities/" + id, change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        JsonNode read =
                client(officer).get("/api/v1/compliance/legal-entities/" + id).json();
        assertThat(read.path("nis2").asString()).isEqualTo("essential");
        assertThat(read.path("doraFinancialEntity").asBoolean()).isTrue();
        assertThat(read.path("privacyOfficerName").asString()).isNotBlank();
        assertThat(read.path("version").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select action from audit_record where object_type = 'legal-entity' and object_id = ? "
                                + "order by seq")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("legal-entity.created", "legal-entity.changed");
    }

    @Test
    void theLoserOfARaceGets409AndNothingChanges() {
        String id = admin.post("/api/v1/compliance/legal-entities", profile("Race B.V."))
                .json()
                .path("id")
                .asString();
        Map<String, Object> first = profile("Race B.V.");
        first.put("version", 0);
        assertThat(admin.put("/api/v1/compliance/legal-entities/" + id, first).status())
                .isEqualTo(200);

        Map<String, Object> second = profile("Race B.V.");
        second.put("gdprRole", "processor");
        second.put("version", 0);
        ApiClient.Answer lost = admin.put("/api/v1/compliance/legal-entities/" + id, second);

        assertThat(lost.status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/compliance/legal-entities/" + id)
                        .json()
                        .path("gdprRole")
                        .asString())
                .isEqualTo("controller");
    }

    @Test
    void badInputNamesEachFieldAndStoresNothing() {
        Map<String, Object> bad = profile("Bad B.V.");
        bad.put("jurisdictions", List.of("Nederland"));
        bad.put("nis2", "very");
        bad.remove("doraFinancialEntity");
        TestUser handler = users.user("le-handler-" + s, Set.of(Role.HANDLER));
        bad.put("privacyOfficer", handler.id().toString());

        ApiClient.Answer refused = admin.post("/api/v1/compliance/legal-entities", bad);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().findValuesAsString("field"))
                .containsExactlyInAnyOrder("jurisdictions", "nis2", "doraFinancialEntity");
        bad.put("jurisdictions", List.of("NL"));
        bad.put("nis2", "important");
        bad.put("doraFinancialEntity", false);
        ApiClient.Answer notOfficer = admin.post("/api/v1/compliance/legal-entities", bad);
        assertThat(notOfficer.status()).isEqualTo(400);
        assertThat(notOfficer.json().findValuesAsString("field")).containsExactly("privacyOfficer");
        assertThat(jdbc.sql("select count(*) from legal_entity where name = ?")
                        .param("Bad B.V. " + s)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyAdminsChangeCoordinatorsReadAndHandlersSeeNone() {
        ApiClient coordinator = client(users.user("le-coord-" + s, Set.of(Role.COORDINATOR)));
        ApiClient handler = client(users.user("le-hand-" + s, Set.of(Role.HANDLER)));

        assertThat(coordinator
                        .post("/api/v1/compliance/legal-entities", profile("Not B.V."))
                        .status())
                .isEqualTo(403);
        assertThat(coordinator.get("/api/v1/compliance/legal-entities").status())
                .isEqualTo(200);
        assertThat(handler.get("/api/v1/compliance/legal-entities").status()).isEqualTo(403);
    }

    @Test
    void aBusinessUnitBelongsToALegalEntityThatExists() {
        String entity = admin.post("/api/v1/compliance/legal-entities", profile("Unit B.V."))
                .json()
                .path("id")
                .asString();

        ApiClient.Answer unit = admin.post(
                "/api/v1/business-units", Map.of("name", "Unit " + s, "description", "", "legalEntity", entity));
        assertThat(unit.status()).as(unit.toString()).isEqualTo(201);
        assertThat(unit.json().path("legalEntity").asString()).isEqualTo(entity);

        ApiClient.Answer unknown = admin.post(
                "/api/v1/business-units",
                Map.of(
                        "name",
                        "Unknown " + s,
                        "description",
                        "",
                        "legalEntity",
                        java.util.UUID.randomUUID().toString()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().findValuesAsString("field")).containsExactly("legalEntity");
    }

    @Test
    void theAdminPagesCreateAnEntityAndNameTheFieldAtFaultInDutch() throws Exception {
        TestUser page = users.user("le-page-" + s, Set.of(Role.ADMIN));
        var mvc = Pages.of(context);

        mvc.perform(post("/admin/legal-entities")
                        .param("name", "Pagina B.V. " + s)
                        .param("jurisdictions", "NL, DE")
                        .param("nis2", "important")
                        .param("gdprRole", "both")
                        .param("supervisoryAuthorityName", "Autoriteit Persoonsgegevens")
                        .param("supervisoryAuthorityContact", "070 888 85 00")
                        .with(authentication(users.authentication(page)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/legal-entities")
                        .header("Accept-Language", "nl-NL,nl;q=0.9")
                        .param("name", "Fout B.V. " + s)
                        .param("jurisdictions", "Holland")
                        .param("nis2", "important")
                        .param("gdprRole", "both")
                        .param("supervisoryAuthorityName", "AP")
                        .param("supervisoryAuthorityContact", "ap")
                        .with(authentication(users.authentication(page)))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("is geen landcode")));
        mvc.perform(get("/admin/legal-entities").with(authentication(users.authentication(page))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Pagina B.V. " + s)));
    }
}
