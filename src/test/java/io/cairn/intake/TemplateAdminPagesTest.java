package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Admins edit report templates in the UI: texts in English and Dutch, questions, tips, order, retirement. */
class TemplateAdminPagesTest extends Pages.OnServer {

    @Autowired
    IntakeManagement intake;

    TestUser admin;

    @BeforeEach
    void setUp() {
        admin = users.user("tmpl-admin", Set.of(Role.ADMIN));
    }

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(authentication(users.authentication(admin))).with(csrf());
    }

    @Test
    void anAdminAddsATemplateWithAChoiceQuestionAndTips() throws Exception {
        String key = TestUsers.unique("badge").toLowerCase();
        mvc.perform(asAdmin(post("/admin/templates"))
                        .param("key", key)
                        .param("title.en", "Lost badge")
                        .param("title.nl", "Pas kwijt")
                        .param("summary.en", "Your access badge is gone")
                        .param("summary.nl", "Je toegangspas is weg")
                        .param("impact", "low")
                        .param("urgency", "high")
                        .param("q0.key", "where")
                        .param("q0.kind", "choice")
                        .param("q0.required", "true")
                        .param("q0.label.en", "Where?")
                        .param("q0.label.nl", "Waar?")
                        .param("q0.options", "office | At the office | Op kantoor\nhome | At home | Thuis")
                        .param("q1.key", "")
                        .param("q1.label.en", "")
                        .param("tips.en", "Tell reception.")
                        .param("tips.nl", "Meld het bij de receptie."))
                .andExpect(redirectedUrl("/admin/templates"));

        ReportTemplate added = users.as(admin, () -> intake.template(key).orRefuse());
        assertThat(added.content().questions()).singleElement().satisfies(question -> {
            assertThat(question.options()).hasSize(2);
            assertThat(question.options().get(1).label().nl()).isEqualTo("Thuis");
        });
        assertThat(added.content().tips().get(0).nl()).isEqualTo("Meld het bij de receptie.");
    }

    @Test
    void aBrokenTemplateIsShownAgainWithEachProblemNamed() throws Exception {
        mvc.perform(asAdmin(post("/admin/templates"))
                        .param("key", "broken-one")
                        .param("title.en", "Broken")
                        .param("title.nl", "")
                        .param("summary.en", "x")
                        .param("summary.nl", "x")
                        .param("q0.key", "a")
                        .param("q0.kind", "choice")
                        .param("q0.label.en", "A")
                        .param("q0.label.nl", "A")
                        .param("q0.options", "only one line without bars")
                        .param("tips.en", "one\ntwo")
                        .param("tips.nl", "een"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("title.nl")))
                .andExpect(content().string(Matchers.containsString("value | English | Dutch")))
                .andExpect(content().string(Matchers.containsString("as many Dutch tips")));
        assertThat(users.as(admin, () -> intake.template("broken-one")))
                .isInstanceOf(io.cairn.shared.Outcome.Refused.class);
    }

    @Test
    void theEditorShowsAShippedTemplateAndSavesANewRevision() throws Exception {
        ReportTemplate before =
                users.as(admin, () -> intake.template("service-down").orRefuse());
        mvc.perform(asAdmin(get("/admin/templates/service-down/edit")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("down | It does not answer | Het reageert niet")));
        mvc.perform(asAdmin(post("/admin/templates/service-down"))
                        .param("version", String.valueOf(before.version()))
                        .param("title.en", "Service down")
                        .param("title.nl", "Dienst plat")
                        .param("summary.en", "s")
                        .param("summary.nl", "s")
                        .param("q0.key", "service")
                        .param("q0.kind", "text")
                        .param("q0.required", "true")
                        .param("q0.label.en", "Which service?")
                        .param("q0.label.nl", "Welke dienst?")
                        .param("tips.en", "")
                        .param("tips.nl", ""))
                .andExpect(redirectedUrl("/admin/templates"));
        ReportTemplate after =
                users.as(admin, () -> intake.template("service-down").orRefuse());
        assertThat(after.revision()).isEqualTo(before.revision() + 1);
        assertThat(after.content().title().nl()).isEqualTo("Dienst plat");
    }

    @Test
    void onlyAdminsOpenTheEditor() throws Exception {
        TestUser handler = users.user("tmpl-handler", Set.of(Role.HANDLER));
        mvc.perform(get("/admin/templates").with(authentication(users.authentication(handler))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/templates/malware/retirement")
                        .param("retired", "true")
                        .param("version", "0")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/templates"));
        assertThat(users.as(admin, () -> intake.template("malware").orRefuse().retired()))
                .isFalse();
    }
}
