package io.cairn.isms.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/** The admins' editor of security procedures, without a browser. */
class ProcedureTypePagesTest extends Pages.OnServer {

    TestUser admin;
    TestUser handler;

    @BeforeEach
    void people() {
        admin = users.user("ptpadmin", Set.of(Role.ADMIN));
        handler = users.user("ptph", Set.of(Role.HANDLER), users.team("ptp-sec"));
    }

    private MockHttpServletRequestBuilder as(TestUser user, MockHttpServletRequestBuilder request) {
        return request.with(authentication(users.authentication(user)));
    }

    private String page(TestUser user, String path) throws Exception {
        return mvc.perform(as(user, get(path)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void onlyAdminsOpenTheEditorWhichListsTheShippedProceduresInTheReadersLanguage() throws Exception {
        for (String path : List.of("/admin/procedure-types", "/admin/procedure-types/new")) {
            mvc.perform(as(handler, get(path))).andExpect(status().isForbidden());
        }
        assertThat(page(admin, "/admin/procedure-types"))
                .contains("Off-boarding of a leaver")
                .contains("Penetration test")
                .contains("5.18");
        assertThat(page(admin, "/admin/procedure-types?lang=nl"))
                .contains("Uitdiensttreding")
                .contains("Toegang tot een beveiligde zone")
                .doesNotContain("Off-boarding of a leaver");
    }

    @Test
    void theEditorNamesEachProblemNextToItsFieldAndStoresNothing() throws Exception {
        String key = TestUsers.unique("ui-pt");
        String answer = mvc.perform(as(admin, post("/admin/procedure-types"))
                        .with(csrf())
                        .param("key", key)
                        .param("name", "Badge audit")
                        .param("due", "P5D")
                        .param("phases[0].key", "check")
                        .param("phases[0].name", "Check")
                        .param("steps[0].phase", "check")
                        .param("steps[0].title", "Compare the badge list with HR")
                        .param("steps[0].kind", "task")
                        .param("steps[0].team", "Ghost team")
                        .param("steps[0].due", "P1D")
                        .param("steps[0].controls", "7.2, 9.9"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(answer)
                .contains(HtmlUtils.htmlEscape(
                        "Step 'Compare the badge list with HR' is assigned to team 'Ghost team', which does not exist"))
                .contains(HtmlUtils.htmlEscape("'9.9' is not a control of ISO/IEC 27001:2022 Annex A"))
                .contains("value=\"Compare the badge list with HR\"");
        assertThat(page(admin, "/admin/procedure-types")).doesNotContain(key);
    }

    @Test
    void anAdminSavesAProcedureInTheEditorAndFindsItInTheList() throws Exception {
        String key = TestUsers.unique("ui-ok");
        mvc.perform(as(admin, post("/admin/procedure-types"))
                        .with(csrf())
                        .param("key", key)
                        .param("name", "Badge audit " + key)
                        .param("due", "P5D")
                        .param("form[0].key", "site")
                        .param("form[0].label", "Site")
                        .param("form[0].kind", "text")
                        .param("form[0].required", "true")
                        .param("phases[0].key", "check")
                        .param("phases[0].name", "Check")
                        .param("steps[0].phase", "check")
                        .param("steps[0].title", "Compare the badge list with HR")
                        .param("steps[0].kind", "task")
                        .param("steps[0].due", "P1D")
                        .param("steps[0].fields", "site")
                        .param("steps[0].controls", "A.7.2"))
                .andExpect(status().is3xxRedirection());

        assertThat(page(admin, "/admin/procedure-types")).contains("Badge audit " + key);
    }
}
