package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.BusinessUnitDefinition;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit page: only for auditors; newest records first; verification as a fragment for htmx, in the reader's
 * language; the latest checkpoint, and a button that signs one now.
 */
@OwnTrail
class AuditPagesTest extends Pages.OnServer {

    @Autowired
    IdentityManagement identity;

    @Test
    void onlyAuditorsMayReadTheTrail() throws Exception {
        TestUser admin = users.user("admin", Set.of(Role.ADMIN, Role.HANDLER, Role.COORDINATOR));

        mvc.perform(get("/audit").with(authentication(users.authentication(admin))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/audit/verify").with(authentication(users.authentication(admin))))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsTheNewestRecordsAndVerifiesTheTrail() throws Exception {
        TestUser auditor = users.user("auditor", Set.of(Role.AUDITOR));

        mvc.perform(get("/audit").with(authentication(users.authentication(auditor))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/api/v1/audit/export")));
        String verification = mvc.perform(get("/audit/verify")
                        .header("HX-Request", "true")
                        .with(authentication(users.authentication(auditor))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(verification)
                .startsWith("<div id=\"verification\"")
                .contains("The trail is intact")
                .doesNotContain("<html");
    }

    @Autowired
    IncidentManagement incidents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aButtonSignsACheckpointAndThePageShowsIt() throws Exception {
        TestUser auditor = users.user("auditor", Set.of(Role.AUDITOR));

        mvc.perform(post("/audit/checkpoints").with(csrf()).with(authentication(users.authentication(auditor))))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/audit"))
                .andExpect(flash().attribute("notice", Matchers.startsWith("The latest checkpoint covers the first")));
        mvc.perform(get("/audit").with(authentication(users.authentication(auditor))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The latest checkpoint covers the first")))
                .andExpect(content().string(Matchers.containsString("/api/v1/audit/checkpoint-log")));
        mvc.perform(post("/audit/checkpoints")
                        .with(csrf())
                        .with(authentication(users.authentication(users.user("handler", Set.of(Role.HANDLER))))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDutchReaderReadsTheProblemsInDutch() throws Exception {
        TestUser auditor = users.user("auditor", Set.of(Role.AUDITOR));
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));
        IncidentView incident = users.as(handler, () -> incidents.report(NewIncident.of("Edited by SQL", "d")))
                .orRefuse();
        jdbc.sql("update incident set title = 'edited' where id = ?")
                .param(incident.id().value())
                .update();
        try {
            String verification = mvc.perform(get("/audit/verify")
                            .param("lang", "nl")
                            .header("HX-Request", "true")
                            .with(authentication(users.authentication(auditor))))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();

            assertThat(verification)
                    .contains(incident.reference() + " is buiten Cairn gewijzigd")
                    .contains("buiten Cairn gewijzigd</span>")
                    .doesNotContain("changed outside");
        } finally {
            jdbc.sql("update incident set title = 'Edited by SQL' where id = ?")
                    .param(incident.id().value())
                    .update();
        }
    }

    @Test
    void namesTheKindOfObjectOfEachRecordInTheReadersLanguage() throws Exception {
        TestUser auditor = users.user("auditor", Set.of(Role.AUDITOR));
        TestUser admin = users.user("admin", Set.of(Role.ADMIN));
        String unit = users.as(
                        admin,
                        () -> identity.createBusinessUnit(new BusinessUnitDefinition(TestUsers.unique("audited"), null))
                                .orRefuse())
                .id()
                .toString();

        assertThat(objectTypes(auditor, unit, "en")).containsExactly("Business unit");
        assertThat(objectTypes(auditor, unit, "nl")).containsExactly("Bedrijfsonderdeel");
        // whatever the newest records are about, the Dutch page names each kind, never its code
        assertThat(objectTypes(auditor, null, "nl"))
                .isNotEmpty()
                .allSatisfy(type ->
                        assertThat(type).as("a kind without a Dutch name").matches("\\p{Lu}.*"));
    }

    private List<String> objectTypes(TestUser auditor, @Nullable String object, String language) throws Exception {
        var request = get("/audit").param("lang", language);
        if (object != null) {
            request = request.param("object", object);
        }
        String html = mvc.perform(request.with(authentication(users.authentication(auditor))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return Jsoup.parse(html).select("td .cell > span").eachText();
    }
}
