package io.cairn.isms.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/** The pages of runs without a browser: the start form and its problems, the run, the step with its trusted mark. */
class RunPagesTest extends Pages.OnServer {

    TestUser requester;
    TestUser manager;
    TestUser stranger;
    String zoneAccess;

    @BeforeEach
    void people() {
        requester = users.user("rpreq", Set.of(Role.REPORTER));
        manager = users.user("rpman", Set.of(Role.REPORTER));
        TeamId facilities = users.team("rp-facilities");
        stranger = users.user("rpres", Set.of(Role.RESOLVER), facilities);
        zoneAccess = context.getBean(JdbcClient.class)
                .sql("select id from isms_procedure_type where type_key = 'secure-zone-access'")
                .query(UUID.class)
                .single()
                .toString();
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

    private MvcResult start(String managerName) throws Exception {
        return mvc.perform(as(requester, post("/procedures/start/" + zoneAccess))
                        .with(csrf())
                        .param("values.person", "P. de Vries")
                        .param("values.zone", "Server room B")
                        .param("values.reason", "Replace a disk")
                        .param("values.from", "2026-12-07")
                        .param("values.until", "2026-12-08")
                        .param("values.manager", managerName))
                .andReturn();
    }

    @Test
    void aRequestIsStartedFromItsFormAndTheApproverFindsItWithItsTrustedMark() throws Exception {
        assertThat(page(requester, "/procedures/start")).contains("Access to a secure zone");
        assertThat(page(requester, "/procedures/start/" + zoneAccess + "?lang=nl"))
                .contains("Starten");

        MvcResult started = start(manager.username());

        assertThat(started.getResponse().getStatus()).isEqualTo(302);
        String runPage = started.getResponse().getRedirectedUrl();
        assertThat(runPage).startsWith("/procedures/runs/");
        assertThat(page(requester, runPage))
                .contains("PRC-")
                .contains("Server room B")
                .contains("Approve the access");
        assertThat(page(requester, runPage + "?lang=nl")).contains("Goedkeuring");
        mvc.perform(as(stranger, get(runPage))).andExpect(status().isNotFound());

        String waiting = page(manager, "/procedures");
        assertThat(waiting).contains("Waiting for you").contains("Approve the access");
        String stepPath = waiting.substring(waiting.indexOf("/procedures/steps/"));
        stepPath = stepPath.substring(0, stepPath.indexOf('"'));
        String step = HtmlUtils.htmlUnescape(page(manager, stepPath));
        assertThat(step)
                .contains("Is this request real?")
                .contains("comes from the security procedure")
                .contains("never through a link in an e-mail")
                .contains("Approve");
        assertThat(HtmlUtils.htmlUnescape(page(manager, stepPath + "?lang=nl"))).contains("Is dit verzoek echt?");
        mvc.perform(as(stranger, get(stepPath))).andExpect(status().isNotFound());

        String own = HtmlUtils.htmlUnescape(page(requester, stepPath));
        assertThat(own).contains("You asked for this run").doesNotContain("step-approve");
    }

    @Test
    void aFindingRaisedOnTheRunPageIsAnIncidentWhosePageNamesTheRun() throws Exception {
        String runPage = start(manager.username()).getResponse().getRedirectedUrl();
        String raise = runPage + "/incidents";

        MvcResult refused = mvc.perform(as(requester, post(raise)).with(csrf()).param("title", "Badge reader broken"))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl()).endsWith("#run-findings");
        assertThat(refused.getFlashMap().get("findingProblems").toString()).contains("description");

        mvc.perform(as(requester, post(raise))
                        .with(csrf())
                        .param("title", "Badge reader broken")
                        .param("description", "The reader of server room B lets anyone in."))
                .andExpect(status().is3xxRedirection());
        String run = page(requester, runPage);
        assertThat(run).contains("Badge reader broken");
        String incident = run.substring(run.indexOf("/incidents/") + "/incidents/".length());
        incident = incident.substring(0, incident.indexOf('"'));
        String reference =
                run.substring(run.indexOf("PRC-"), run.indexOf("PRC-") + 10).split("[^A-Z0-9-]")[0];

        assertThat(page(requester, "/incidents/" + incident + "/procedure-runs"))
                .contains(reference);
        mvc.perform(as(stranger, get("/incidents/" + incident + "/procedure-runs")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRiskRegisteredFromTheRunPageNamesTheRunAndTheRunListsIt() throws Exception {
        TestUser coordinator = users.user("rpcoord", Set.of(Role.COORDINATOR));
        String runPage = start(manager.username()).getResponse().getRedirectedUrl();
        String raise = "/risks/raised-from/procedure-run/" + runPage.substring("/procedures/runs/".length());
        assertThat(page(coordinator, runPage)).contains(raise);
        assertThat(page(requester, runPage)).doesNotContain(raise);
        assertThat(page(coordinator, raise)).contains("PRC-").contains("Access to a secure zone");
        assertThat(HtmlUtils.htmlUnescape(page(coordinator, raise + "?lang=nl")))
                .contains("Risico's uit een bevinding");
        mvc.perform(as(stranger, get(raise))).andExpect(status().isNotFound());
        mvc.perform(as(requester, get(raise))).andExpect(status().isForbidden());

        mvc.perform(as(coordinator, post(raise))
                        .with(csrf())
                        .param("title", "")
                        .param("owner", coordinator.id().toString())
                        .param("likelihood", "likely")
                        .param("impact", "major"))
                .andExpect(status().isBadRequest());
        MvcResult registered = mvc.perform(as(coordinator, post(raise))
                        .with(csrf())
                        .param("title", "Tailgating into server room B")
                        .param("owner", coordinator.id().toString())
                        .param("likelihood", "likely")
                        .param("impact", "major"))
                .andExpect(status().is3xxRedirection())
                .andReturn();

        String risk = registered.getResponse().getRedirectedUrl();
        assertThat(risk).startsWith("/risks/");
        assertThat(HtmlUtils.htmlUnescape(page(coordinator, risk)))
                .contains("Raised from a finding of")
                .contains(runPage);
        assertThat(page(coordinator, runPage))
                .contains("Tailgating into server room B")
                .contains(risk);
    }

    @Test
    void aPhaseLeftWithItsMandatoryStepsOpenIsRefusedNamingThemInTheReadersLanguage() throws Exception {
        String runPage = start(manager.username()).getResponse().getRedirectedUrl();

        MvcResult refused = mvc.perform(as(requester, post(runPage + "/advance"))
                        .with(csrf())
                        .locale(java.util.Locale.forLanguageTag("nl"))
                        .param("version", "0"))
                .andReturn();

        assertThat(String.valueOf(refused.getFlashMap().get("problem")))
                .contains("Keur de toegang goed")
                .doesNotContain("Approve the access");
    }

    @Test
    void theStartFormNamesEachProblemNextToItsFieldAndStartsNothing() throws Exception {
        assertThat(page(requester, "/procedures?state=all")).contains("No runs to show.");

        MvcResult refused = start(requester.username());

        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        String answer = HtmlUtils.htmlUnescape(refused.getResponse().getContentAsString());
        assertThat(answer)
                .contains("run-manager-error")
                .contains("someone else")
                .contains("Approve the access")
                .contains("Server room B");
        // in Dutch, the shipped step is named in Dutch too
        MvcResult dutch = mvc.perform(as(requester, post("/procedures/start/" + zoneAccess))
                        .with(csrf())
                        .locale(java.util.Locale.forLanguageTag("nl"))
                        .param("values.person", "P. de Vries")
                        .param("values.zone", "Serverruimte B")
                        .param("values.reason", "Een schijf vervangen")
                        .param("values.from", "2026-12-07")
                        .param("values.until", "2026-12-08")
                        .param("values.manager", requester.username()))
                .andReturn();
        assertThat(HtmlUtils.htmlUnescape(dutch.getResponse().getContentAsString()))
                .contains("Keur de toegang goed")
                .doesNotContain("Approve the access");
        assertThat(page(requester, "/procedures?state=all")).contains("No runs to show.");
    }
}
