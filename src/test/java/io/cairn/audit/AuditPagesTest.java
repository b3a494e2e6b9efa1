package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.BusinessUnitDefinition;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit page: only for auditors; newest records first; verification as a fragment for htmx. */
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
        String verification = mvc.perform(get("/audit/verify").header("HX-Request", "true")
                        .with(authentication(users.authentication(auditor))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(verification).startsWith("<div id=\"verification\"").contains("The trail is intact")
                .doesNotContain("<html");
    }

    @Test
    void namesTheKindOfObjectOfEachRecordInTheReadersLanguage() throws Exception {
        TestUser auditor = users.user("auditor", Set.of(Role.AUDITOR));
        TestUser admin = users.user("admin", Set.of(Role.ADMIN));
        String unit = users.as(admin, () -> identity.createBusinessUnit(new BusinessUnitDefinition(
                TestUsers.unique("audited"), null)).orRefuse()).id().toString();

        assertThat(objectTypes(auditor, unit, "en")).containsExactly("Business unit");
        assertThat(objectTypes(auditor, unit, "nl")).containsExactly("Bedrijfsonderdeel");
        // whatever the newest records are about, the Dutch page names each kind, never its code
        assertThat(objectTypes(auditor, null, "nl")).isNotEmpty()
                .allSatisfy(type -> assertThat(type).as("a kind without a Dutch name").matches("\\p{Lu}.*"));
    }

    private List<String> objectTypes(TestUser auditor, @Nullable String object, String language) throws Exception {
        var request = get("/audit").param("lang", language);
        if (object != null) {
            request = request.param("object", object);
        }
        String html = mvc.perform(request.with(authentication(users.authentication(auditor))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).select("td .cell > span").eachText();
    }
}
