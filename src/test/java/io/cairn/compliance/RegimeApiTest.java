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
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Staff read the regimes in force through the API; admins see and repeat the load of the regime files, which the
 * audit trail records; reporters see none of it, and the admin page shows the regimes in English and Dutch.
 */
class RegimeApiTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    @Test
    void aPrivacyOfficerReadsTheShippedRegimesAndTheirClocks() {
        ApiClient privacy = client(users.user("regime-reader", Set.of(Role.PRIVACY_OFFICER)));

        ApiClient.Answer all = privacy.get("/api/v1/compliance/regimes");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().findValuesAsString("id")).contains("dora", "gdpr", "hipaa", "nis2", "sec-8k");

        JsonNode dora = privacy.get("/api/v1/compliance/regimes/dora").json();
        assertThat(dora.path("source").asString()).isEqualTo("shipped");
        JsonNode initial = dora.path("stages").get(0);
        assertThat(initial.path("name").path("nl").asString()).isEqualTo("Eerste melding");
        assertThat(initial.path("clock").path("kind").asString()).isEqualTo("after-but-no-later-than");
        assertThat(initial.path("clock").path("offset").asString()).isEqualTo("PT4H");
        assertThat(initial.path("clock").path("bound").asString()).isEqualTo("PT24H");
        assertThat(initial.path("clock").has("period")).isFalse();
    }

    @Test
    void anUnknownRegimeIsNotFoundAndAReporterReadsNone() {
        ApiClient privacy = client(users.user("regime-missing", Set.of(Role.PRIVACY_OFFICER)));
        ApiClient.Answer missing = privacy.get("/api/v1/compliance/regimes/nis3");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("detail").asString()).contains("nis3");

        ApiClient reporter = client(users.user("regime-reporter", Set.of(Role.REPORTER)));
        assertThat(reporter.get("/api/v1/compliance/regimes").status()).isEqualTo(403);
        assertThat(reporter.get("/api/v1/compliance/regime-files").status()).isEqualTo(403);
        assertThat(privacy.post("/api/v1/compliance/regime-files/reload", Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anAdminLoadsTheFilesAgainAndTheTrailRecordsIt() {
        ApiClient admin = client(users.user("regime-admin", Set.of(Role.ADMIN)));

        ApiClient.Answer load = admin.post("/api/v1/compliance/regime-files/reload", Map.of());

        assertThat(load.status()).as(load.toString()).isEqualTo(200);
        assertThat(load.json().path("regimes").size()).isEqualTo(5);
        assertThat(load.json().path("refusals").size()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'regimes.reloaded'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void theAdminPageListsTheRegimesInEnglishAndDutch() throws Exception {
        TestUser admin = users.user("regime-page", Set.of(Role.ADMIN));
        var mvc = Pages.of(context);

        mvc.perform(get("/admin/regimes").with(authentication(users.authentication(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Notification to the supervisory authority")))
                .andExpect(content().string(Matchers.containsString("72 h after")));
        mvc.perform(get("/admin/regimes")
                        .header("Accept-Language", "nl-NL,nl;q=0.9")
                        .with(authentication(users.authentication(admin))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Melding aan de toezichthoudende autoriteit")))
                .andExpect(content().string(Matchers.containsString("72 uur na")));
        mvc.perform(post("/admin/regimes/reload")
                        .with(authentication(users.authentication(admin)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        TestUser handler = users.user("regime-page-handler", Set.of(Role.HANDLER));
        mvc.perform(get("/admin/regimes").with(authentication(users.authentication(handler))))
                .andExpect(status().isForbidden());
    }
}
