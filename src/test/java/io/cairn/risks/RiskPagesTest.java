package io.cairn.risks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The risk register's pages through MockMvc: the forms' problems by field, the 409 of a stale form, who sees what. */
class RiskPagesTest extends Pages.OnServer {

    @org.springframework.beans.factory.annotation.Autowired
    io.cairn.incidents.IncidentManagement incidents;

    @org.springframework.beans.factory.annotation.Autowired
    io.cairn.knowledge.KnowledgeManagement knowledge;

    TestUser coordinator;
    BusinessUnitId unit;

    @BeforeEach
    void people() {
        coordinator = users.user("risk-pages-coordinator", Set.of(Role.COORDINATOR));
        unit = users.businessUnit("risk-pages-unit");
    }

    private MockHttpServletRequestBuilder as(TestUser user, MockHttpServletRequestBuilder request) {
        return request.with(authentication(users.authentication(user))).with(csrf());
    }

    private String register(String title, LocalDate target) throws Exception {
        MvcResult result = mvc.perform(as(
                        coordinator,
                        post("/risks")
                                .param("title", title)
                                .param("owner", coordinator.id().toString())
                                .param("businessUnit", unit.toString())
                                .param("mitigationTargetAt", target.toString())
                                .param("likelihood", "likely")
                                .param("impact", "major")))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return result.getResponse().getRedirectedUrl();
    }

    private Document page(TestUser user, String path) throws Exception {
        return Jsoup.parse(mvc.perform(as(user, get(path)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void aRiskWithoutATitleOrWithALevelOffTheScaleIsShownAgainWithEachProblemBesideItsField() throws Exception {
        String html = mvc.perform(as(
                        coordinator,
                        post("/risks")
                                .param("title", "")
                                .param("owner", coordinator.id().toString())
                                .param("likelihood", "likely")
                                .param("impact", "major")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(html).select("#risk-title-error").text()).isEqualTo("Is required");

        String badDay = mvc.perform(as(
                        coordinator,
                        post("/risks")
                                .param("title", "Bad day")
                                .param("owner", coordinator.id().toString())
                                .param("mitigationTargetAt", "31-05-2026")
                                .param("likelihood", "likely")
                                .param("impact", "major")))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(badDay).select("#risk-target-error").text()).contains("2026-05-31");
        assertThat(Jsoup.parse(badDay).select("#risk-title").val()).isEqualTo("Bad day");
    }

    @Test
    void aRiskPastItsTargetIsMarkedOverdueInWordsInTheListAndOnItsPage() throws Exception {
        String path =
                register("Flooded server room", LocalDate.now(ZoneOffset.UTC).minusDays(3));

        Document list = page(coordinator, "/risks?overdue=true&businessUnit=" + unit);
        assertThat(list.select(".risk-row")).hasSize(1);
        assertThat(list.select(".risk-row .risk-overdue").text()).isEqualTo("Overdue");
        assertThat(list.select("a.csv-link").attr("href"))
                .startsWith("/api/v1/risks.csv?")
                .contains("overdue=true", "businessUnit=" + unit);
        Document risk = page(coordinator, path);
        assertThat(risk.select(".risk-header .risk-overdue").text()).startsWith("Overdue");
        assertThat(risk.select(".risk-assessment").text()).isEqualTo("Likelihood likely, impact major: severity high");
        assertThat(page(coordinator, path + "?lang=nl")
                        .select(".risk-header .risk-overdue")
                        .text())
                .startsWith("Te laat");
    }

    @Test
    void aRevisionSentFromAnOlderVersionAnswers409AndShowsTheRiskAsItIsNow() throws Exception {
        String path = register("Lost laptop", LocalDate.now(ZoneOffset.UTC).plusDays(30));
        mvc.perform(as(coordinator, post(path + "/materialize").param("version", "0")))
                .andExpect(status().is3xxRedirection());

        String html = mvc.perform(as(
                        coordinator,
                        post(path)
                                .param("title", "Lost laptop, revised")
                                .param("owner", coordinator.id().toString())
                                .param("version", "0")))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select(".revise-form [role=alert]").text()).contains("Someone else changed this");
        assertThat(page.select(".risk-header .risk-status-badge").text()).isEqualTo("Materialized");

        mvc.perform(as(
                        coordinator,
                        post(path + "/close").param("reason", "mitigated").param("version", "0")))
                .andExpect(status().isConflict());
        mvc.perform(as(
                        coordinator,
                        post(path + "/close").param("reason", "mitigated").param("version", "1")))
                .andExpect(status().is3xxRedirection());
        Document closed = page(coordinator, path);
        assertThat(closed.select(".risk-closure-reason").text()).isEqualTo("Mitigated");
        assertThat(closed.select(".risk-duration").text()).isEqualTo("0 days, 0 hours and 0 minutes");
        assertThat(closed.select(".risk-history tbody tr")).hasSize(3);
    }

    @Test
    void auditorsReadTheRegisterWithoutItsFormsAndHandlersMayNotReadIt() throws Exception {
        String path = register("Supplier outage", LocalDate.now(ZoneOffset.UTC).plusDays(3));
        TestUser auditor = users.user("risk-pages-auditor", Set.of(Role.AUDITOR));
        TestUser handler = users.user("risk-pages-handler", Set.of(Role.HANDLER));

        Document risk = page(auditor, path);
        assertThat(risk.select("form.revise-form")).isEmpty();
        assertThat(risk.select(".risk-steps")).isEmpty();
        assertThat(page(auditor, "/risks").select("a[href='/risks/new']")).isEmpty();
        assertThat(page(auditor, "/risks").select(".site-nav a[href='/risks']")).hasSize(1);
        mvc.perform(as(handler, get("/risks"))).andExpect(status().isForbidden());
        mvc.perform(as(handler, get(path))).andExpect(status().isForbidden());
        mvc.perform(as(auditor, post(path + "/materialize").param("version", "0")))
                .andExpect(status().isForbidden());
        assertThat(page(handler, "/incidents").select(".site-nav a[href='/risks']"))
                .isEmpty();
    }

    @Test
    void theHeatMapCountsTheOpenRisksOfAUnitInItsCellAndGivesTheTrendAsATable() throws Exception {
        register("Phishing wave", LocalDate.now(ZoneOffset.UTC).plusDays(10));
        register("Insider leak", LocalDate.now(ZoneOffset.UTC).plusDays(10));

        Document map = page(coordinator, "/risks/heat-map?businessUnit=" + unit);
        // rows run from the highest likelihood down: likely is the second row, major the fourth column
        assertThat(map.select(".risk-heat-table tbody tr")
                        .get(1)
                        .select("td")
                        .get(3)
                        .select("strong")
                        .text())
                .isEqualTo("2");
        assertThat(map.select(".risk-heat-summary").text()).startsWith("2 open risks");
        assertThat(map.select(".risk-trend-table tbody tr")).hasSize(12);
        assertThat(map.select(".risk-trend-table tbody tr")
                        .last()
                        .select("td")
                        .get(2)
                        .text())
                .isEqualTo("2");
        assertThat(map.select("#risk-chart-data").html()).contains("\"count\":2");
        mvc.perform(as(coordinator, get("/risks/heat-map?businessUnit=nonsense")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aConfirmedIncidentLinkedOnThePageProposesMaterializedWhichTheCoordinatorAccepts() throws Exception {
        String path = register(
                "Data theft by a supplier", LocalDate.now(ZoneOffset.UTC).plusDays(20));
        io.cairn.incidents.IncidentView incident = users.as(
                coordinator,
                () -> incidents
                        .report(io.cairn.incidents.NewIncident.of("Supplier copied customer files", "Seen in the logs"))
                        .orRefuse());
        mvc.perform(as(coordinator, post("/api/v1/incidents/" + incident.id() + "/recategorise"))
                        .contentType("application/json")
                        .content("{\"category\":{\"rsitClass\":\""
                                + incident.category().rsitClass()
                                + "\",\"rsitType\":\"" + incident.category().rsitType()
                                + "\"},\"determination\":\"confirmed\",\"version\":" + incident.version() + "}"))
                .andExpect(status().isOk());
        mvc.perform(as(coordinator, post(path + "/incidents").param("incident", incident.reference())))
                .andExpect(status().is3xxRedirection());

        Document risk = page(coordinator, path);
        assertThat(risk.select(".risk-proposal").text()).contains(incident.reference(), "was confirmed");
        assertThat(page(coordinator, "/risks?businessUnit=" + unit)
                        .select(".risk-proposed")
                        .text())
                .isEqualTo("Materialized?");
        assertThat(page(coordinator, path + "?lang=nl").select(".risk-proposal").text())
                .contains("is bevestigd");
        mvc.perform(as(
                        coordinator,
                        post(path + "/proposals/" + incident.id())
                                .param("accept", "true")
                                .param("version", "0")))
                .andExpect(status().is3xxRedirection());
        Document materialized = page(coordinator, path);
        assertThat(materialized.select(".risk-header .risk-status-badge").text())
                .isEqualTo("Materialized");
        assertThat(materialized.select(".risk-proposal")).isEmpty();
    }

    @Test
    void aCoordinatorRegistersARiskFromACorrectiveActionOnItsRisksPage() throws Exception {
        io.cairn.incidents.IncidentView incident = users.as(
                coordinator,
                () -> incidents
                        .report(io.cairn.incidents.NewIncident.of("Admin account taken over", "Seen"))
                        .orRefuse());
        io.cairn.knowledge.CorrectiveAction action = users.as(
                coordinator,
                () -> knowledge
                        .addCorrectiveAction(
                                incident.id(),
                                new io.cairn.knowledge.NewCorrectiveAction(
                                        "Enforce MFA for admins",
                                        coordinator.id(),
                                        LocalDate.now(ZoneOffset.UTC).plusDays(9)))
                        .orRefuse());
        String page = "/corrective-actions/" + action.id() + "/risks";

        Document form = page(coordinator, page);
        assertThat(form.select(".lesson-form #risk-title").val()).isEqualTo("Enforce MFA for admins");
        String path = mvc.perform(as(
                        coordinator,
                        post(page)
                                .param("title", "Admins without MFA")
                                .param("owner", coordinator.id().toString())
                                .param(
                                        "treatment",
                                        form.select(".lesson-form #risk-treatment")
                                                .text())
                                .param("likelihood", "likely")
                                .param("impact", "severe")))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(page(coordinator, path).select(".risk-corrective-actions").text())
                .contains("Enforce MFA for admins", incident.reference());
        assertThat(page(coordinator, page).select(".lesson-risks").text()).contains("Admins without MFA");
        assertThat(page(coordinator, "/corrective-actions")
                        .select("a.action-risks")
                        .attr("href"))
                .isNotEmpty();
    }
}
