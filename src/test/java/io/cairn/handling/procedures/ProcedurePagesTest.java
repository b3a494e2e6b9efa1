package io.cairn.handling.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.handling.routing.RoutingRuleDefinition;
import io.cairn.handling.routing.RoutingRuleManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentCommands;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.Status;
import io.cairn.incidents.TriageDecision;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The procedure pages without a browser: the segregation matrix through the UI (who sees the task, the shared
 * fields, the incident's description, reporter, evidence and other tasks), and the admins' editors.
 */
class ProcedurePagesTest extends Pages.OnServer {

    @Autowired
    IncidentManagement incidents;

    @Autowired
    ProcedureManagement procedures;

    @Autowired
    RoutingRuleManagement routingRules;

    TestUser handler;
    TestUser itResolver;
    TestUser otherResolver;
    TestUser reporter;
    TestUser admin;
    TeamId it;
    IncidentView incident;
    TaskView task;

    @BeforeEach
    void confidentialIncidentWithATaskForIt() {
        TeamId security = users.team("pp-sec");
        it = users.team("pp-it");
        handler = users.user("pph", Set.of(Role.HANDLER), security);
        itResolver = users.user("ppit", Set.of(Role.RESOLVER), it);
        otherResolver = users.user("ppfac", Set.of(Role.RESOLVER), users.team("pp-fac"));
        reporter = users.user("ppr", Set.of(Role.REPORTER));
        admin = users.user("ppadmin", Set.of(Role.ADMIN));
        IncidentView reported = users.as(
                reporter,
                () -> incidents
                        .report(new NewIncident(
                                "Salary list leaked",
                                "SECRET-DESCRIPTION of the leak",
                                new Category("information-content-security", "data-leak"),
                                null,
                                null,
                                null,
                                null,
                                Tlp.RED,
                                Pap.RED,
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .orRefuse());
        incident = users.as(handler, () -> {
            IncidentView assigned = incidents
                    .assign(reported.id(), new IncidentCommands.Assign(null, security, null, reported.version()))
                    .orRefuse();
            IncidentView marked = incidents
                    .mark(reported.id(), new IncidentCommands.Mark(Tlp.RED, Pap.RED, true, null, assigned.version()))
                    .orRefuse();
            return incidents
                    .triage(
                            reported.id(),
                            new TriageDecision(TriageDecision.Decision.ACCEPT, null, null, marked.version()))
                    .orRefuse();
        });
        task = users.as(
                handler,
                () -> procedures
                        .addTask(
                                incident.id(),
                                new NewTask(
                                        "Revoke the share link",
                                        "Remove the public link on the file server",
                                        it,
                                        List.of(SharedField.REFERENCE, SharedField.PRIORITY),
                                        null,
                                        true))
                        .orRefuse());
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
    void theResolverOfTheTeamSeesTheTaskAndTheSharedFieldsOnly() throws Exception {
        String list = page(itResolver, "/tasks");
        assertThat(list).contains("Revoke the share link").contains(incident.reference());

        String shown = page(itResolver, "/tasks/" + task.id());
        assertThat(shown)
                .contains("Remove the public link on the file server")
                .contains(incident.reference())
                .contains(incident.priority())
                .doesNotContain("SECRET-DESCRIPTION")
                .doesNotContain("Salary list")
                .doesNotContain(reporter.username())
                .doesNotContain("Inform the privacy officer")
                .doesNotContain(incident.id().toString());
    }

    @Test
    void theResolverOfTheTeamCannotOpenTheIncidentOrItsSections() throws Exception {
        mvc.perform(as(itResolver, get("/incidents/" + incident.id()))).andExpect(status().isNotFound());
        for (String section : List.of("/procedure", "/intake")) {
            assertThat(mvc.perform(as(itResolver, get("/incidents/" + incident.id() + section)))
                            .andReturn()
                            .getResponse()
                            .getContentAsString()
                            .trim())
                    .as(section)
                    .matches("<section id=\"\\w+\"></section>");
        }
    }

    @Test
    void theResolverCompletesTheTaskOnItsPage() throws Exception {
        mvc.perform(as(itResolver, post("/tasks/" + task.id() + "/complete"))
                        .param("version", "0")
                        .param("note", "link removed")
                        .with(csrf()))
                .andExpect(status().isFound());
        TaskView done = users
                .as(handler, () -> procedures.tasksOf(incident.id()).orRefuse())
                .stream()
                .filter(t -> t.id().equals(task.id()))
                .findFirst()
                .orElseThrow();
        assertThat(done.state()).isEqualTo(TaskState.DONE);
        assertThat(done.note()).isEqualTo("link removed");
    }

    @Test
    void aResolverOfAnotherTeamAndTheReporterGetNothing() throws Exception {
        assertThat(page(otherResolver, "/tasks")).doesNotContain("Revoke the share link");
        mvc.perform(as(otherResolver, get("/tasks/" + task.id()))).andExpect(status().isNotFound());
        mvc.perform(as(otherResolver, post("/tasks/" + task.id() + "/complete"))
                        .param("version", "0")
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(as(otherResolver, get("/incidents/" + incident.id()))).andExpect(status().isNotFound());

        mvc.perform(as(reporter, get("/tasks"))).andExpect(status().isForbidden());
        mvc.perform(as(reporter, get("/tasks/" + task.id()))).andExpect(status().isNotFound());
        String own = page(reporter, "/incidents/" + incident.id());
        assertThat(own).contains("SECRET-DESCRIPTION");
        assertThat(mvc.perform(as(reporter, get("/incidents/" + incident.id() + "/procedure")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("Revoke the share link");
    }

    @Test
    void theHandlerSeesTheIncidentAndEveryTaskGroupedPerPhase() throws Exception {
        assertThat(page(handler, "/incidents/" + incident.id()))
                .contains("SECRET-DESCRIPTION")
                .contains("/incidents/" + incident.id() + "/procedure");
        String panel = page(handler, "/incidents/" + incident.id() + "/procedure");
        assertThat(panel)
                .contains("Personal data breach")
                .contains("Inform the privacy officer")
                .contains("Revoke the share link")
                .contains("Tasks for other teams")
                .contains("/knowledge/")
                .contains("Shared with the team")
                .contains("<span>Reference, </span><span>Priority</span>");
    }

    @Test
    void aDutchHandlerReadsTheShippedPlaybookInDutchAndTheTaskAHandlerWroteAsWritten() throws Exception {
        String panel = page(handler, "/incidents/" + incident.id() + "/procedure?lang=nl");

        assertThat(panel)
                .contains("Datalek")
                .contains("De privacyfunctionaris informeren")
                .contains(HtmlUtils.htmlEscape("Vaststellen welke gegevens en van wie"))
                .doesNotContain("Inform the privacy officer")
                .contains("Revoke the share link");
        assertThat(page(admin, "/admin/playbooks?lang=nl"))
                .contains("Onbereikbare dienst (DoS en DDoS)")
                .contains("Beveiliging van informatie / Lek van vertrouwelijke informatie")
                .doesNotContain("Personal data breach")
                .doesNotContain("information-content-security/data-leak");
        assertThat(page(admin, "/admin/playbooks?lang=en")).contains("Personal data breach");
    }

    @Test
    void theHandlerGivesATeamATaskThroughThePanelAndBadInputIsShownInIt() throws Exception {
        String refused = mvc.perform(as(handler, post("/incidents/" + incident.id() + "/procedure/tasks"))
                        .param("title", "Replace the badge reader")
                        .param("shared", "reference")
                        .header("HX-Request", "true")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("choose a team");

        mvc.perform(as(handler, post("/incidents/" + incident.id() + "/procedure/tasks"))
                        .param("title", "Replace the badge reader")
                        .param("team", it.toString())
                        .param("shared", "reference", "title")
                        .header("HX-Request", "true")
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(page(itResolver, "/tasks")).contains("Replace the badge reader");
    }

    @Test
    void onlyAdminsOpenTheEditorsOfPlaybooksAndRoutingRules() throws Exception {
        for (String path : List.of("/admin/playbooks", "/admin/playbooks/new", "/admin/routing")) {
            mvc.perform(as(handler, get(path))).andExpect(status().isForbidden());
            mvc.perform(as(itResolver, get(path))).andExpect(status().isForbidden());
            mvc.perform(as(admin, get(path))).andExpect(status().isOk());
        }
        assertThat(page(admin, "/admin/playbooks")).contains("Phishing").contains("Denial of service");
        mvc.perform(as(handler, post("/admin/routing")).param("name", "x").with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePlaybookEditorNamesAStepAssignedToATeamThatDoesNotExist() throws Exception {
        String key = TestUsers.unique("ui-pb");
        String answer = mvc.perform(as(admin, post("/admin/playbooks"))
                        .with(csrf())
                        .param("key", key)
                        .param("name", "Weak crypto")
                        .param("categories", "vulnerable/weak-crypto")
                        .param("steps[0].phase", "eradication")
                        .param("steps[0].title", "Replace the certificate")
                        .param("steps[0].team", "Ghost team")
                        .param("steps[0].due", "P1D")
                        .param("steps[1].phase", "analysis")
                        .param("steps[1].title", "")
                        .param("steps[1].due", "PT4H"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(answer)
                .contains("Step &#39;Replace the certificate&#39; is assigned to team &#39;Ghost team&#39;,"
                        + " which does not exist");
        assertThat(page(admin, "/admin/playbooks")).doesNotContain(key);
    }

    @Test
    void anAdminSavesAPlaybookInTheEditorAndMovesAStepByRenumberingIt() throws Exception {
        String key = TestUsers.unique("ui-ok");
        mvc.perform(as(admin, post("/admin/playbooks"))
                        .with(csrf())
                        .param("key", key)
                        .param("name", "Ransom note on a kiosk")
                        .param("categories", "vulnerable/ddos-amplifier")
                        .param("steps[0].order", "2")
                        .param("steps[0].phase", "analysis")
                        .param("steps[0].title", "Second")
                        .param("steps[0].due", "PT2H")
                        .param("steps[0].team", it.toString())
                        .param("steps[0].articles", "kiosk-recovery\nhttps://example.org/guide")
                        .param("steps[1].order", "1")
                        .param("steps[1].phase", "analysis")
                        .param("steps[1].title", "First")
                        .param("steps[1].due", "PT1H")
                        .param("steps[1].mandatory", "true")
                        .param("steps[2].order", "3")
                        .param("steps[2].phase", "analysis")
                        .param("steps[2].title", "")
                        .param("steps[2].due", "PT4H"))
                .andExpect(status().isFound());

        Playbook saved = users.as(admin, () -> procedures.playbooks().orRefuse()).stream()
                .filter(p -> p.definition().key().equals(key))
                .findFirst()
                .orElseThrow();
        assertThat(saved.definition().steps()).extracting(PlaybookStep::title).containsExactly("First", "Second");
        assertThat(saved.definition().steps().get(0).mandatory()).isTrue();
        assertThat(saved.definition().steps().get(1).team()).isEqualTo(it.toString());
        assertThat(saved.definition().steps().get(1).articles())
                .containsExactly("kiosk-recovery", "https://example.org/guide");
        assertThat(page(admin, "/admin/playbooks/" + saved.id() + "/edit"))
                .contains("Ransom note on a kiosk")
                .contains("kiosk-recovery");
        mvc.perform(as(admin, post("/admin/playbooks/" + saved.id() + "/retirement"))
                        .with(csrf())
                        .param("retired", "true")
                        .param("version", "0"))
                .andExpect(status().isFound());
    }

    @Test
    void theRoutingPageShowsAnUnknownTeamNextToTheField() throws Exception {
        String answer = mvc.perform(as(admin, post("/admin/routing"))
                        .with(csrf())
                        .param("name", TestUsers.unique("ui-rule"))
                        .param("team", "")
                        .param("ownerStrategy", "ROUND_ROBIN")
                        .param("enabled", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).contains("id=\"rule-team-error\"").contains("A rule routes to a team");
    }

    @Test
    void theRoutingPageNamesCategoriesAndTheShippedRuleInTheReadersLanguage() throws Exception {
        // a template no report comes through, so that the rule routes nothing of other tests
        users.as(
                admin,
                () -> routingRules
                        .addRoutingRule(new RoutingRuleDefinition(
                                TestUsers.unique("ui-phishing"),
                                "fraud",
                                "phishing",
                                TestUsers.unique("no-template"),
                                null,
                                null,
                                it.toString(),
                                null,
                                true,
                                null))
                        .orRefuse());

        String dutch = mvc.perform(as(admin, get("/admin/routing")).param("lang", "nl"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(dutch)
                .contains("Fraude / Phishing")
                .contains("<option value=\"fraud\">Fraude</option>")
                .contains("Al het overige naar het securityteam")
                .doesNotContain("Everything else to the security team");
        String english = mvc.perform(as(admin, get("/admin/routing")).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("Fraud / Phishing").contains("Everything else to the security team");
    }

    @Test
    void aDutchReaderIsToldInDutchWhichMandatoryStepsKeepThePhaseOpen() throws Exception {
        List<String> open = users
                .as(handler, () -> procedures.tasksOf(incident.id()).orRefuse())
                .stream()
                .filter(t -> t.mandatory() && t.phase() == Status.ANALYSIS && t.state() == TaskState.OPEN)
                .map(TaskView::title)
                .toList();

        String answer = mvc.perform(as(handler, post("/incidents/" + incident.id() + "/transition"))
                        .with(csrf())
                        .param("lang", "nl")
                        .param("to", "containment")
                        .param("version", String.valueOf(incident.version())))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(open).containsExactly("Inform the privacy officer", "Establish what data and whose");
        assertThat(answer)
                .contains("De fase analyse kan niet verlaten worden zolang deze verplichte stappen open "
                        + "staan: De privacyfunctionaris informeren; Vaststellen welke gegevens en van wie")
                .doesNotContain("Inform the privacy officer");
    }
}
