package io.cairn.incidents;

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
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.intake.IntakeManagement;
import io.cairn.intake.ReportReceipt;
import io.cairn.intake.ReportSubmission;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The handler's workspace pages: triage from the incident page, bulk changes and saved views from the list. */
class WorkspacePagesTest extends Pages.OnServer {

    @Autowired
    IncidentManagement incidents;

    @Autowired
    IntakeManagement intake;

    TestUser handler;
    TestUser reporter;

    @BeforeEach
    void setUp() {
        handler = users.user("wshandler", Set.of(Role.HANDLER));
        reporter = users.user("wsreporter", Set.of(Role.REPORTER));
    }

    private IncidentView reported(String title) {
        return users.as(
                reporter,
                () -> incidents.report(NewIncident.of(title, "details")).orRefuse());
    }

    @Test
    void acceptingFromTheIncidentPageStartsTheAnalysis() throws Exception {
        IncidentView incident = reported("Accept me");
        mvc.perform(post("/incidents/" + incident.id() + "/triage")
                        .param("decision", "accept")
                        .param("version", "0")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/incidents/" + incident.id()))
                .andExpect(flash().attribute("notice", Matchers.containsString("accepted")));
        assertThat(users.as(
                        handler,
                        () -> incidents.incident(incident.id()).orElseThrow().status()))
                .isEqualTo(Status.ANALYSIS);
    }

    @Test
    void dismissingWithoutAReasonIsRefusedAndChangesNothing() throws Exception {
        IncidentView incident = reported("Dismiss me");
        mvc.perform(post("/incidents/" + incident.id() + "/triage")
                        .param("decision", "dismiss")
                        .param("version", "0")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", Matchers.containsString("reason")));
        assertThat(users.as(
                        handler,
                        () -> incidents.incident(incident.id()).orElseThrow().status()))
                .isEqualTo(Status.NEW);
    }

    @Test
    void aBulkChangeReportsWhatWasDoneAndWhatWasRefused() throws Exception {
        IncidentView first = reported("Bulk A");
        IncidentView second = reported("Bulk B");
        mvc.perform(post("/incidents/bulk")
                        .param("incident", first.id().toString(), second.id().toString())
                        .param("action", "transition")
                        .param("to", "analysis")
                        .param("back", "status=new")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/incidents?status=new"))
                .andExpect(flash().attribute("notice", Matchers.containsString("0 of 2")))
                .andExpect(flash().attribute("problem", Matchers.containsString("cannot move to analysis")));
    }

    @Test
    void aReporterCannotUseTheWorkspace() throws Exception {
        IncidentView incident = reported("Not for reporters");
        mvc.perform(post("/incidents/" + incident.id() + "/triage")
                        .param("decision", "accept")
                        .param("version", "0")
                        .with(authentication(users.authentication(reporter)))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", Matchers.notNullValue()));
        assertThat(users.as(
                        reporter,
                        () -> incidents
                                .reporterView(incident.id())
                                .orElseThrow()
                                .status()))
                .isEqualTo(Status.NEW);
    }

    @Test
    void aSavedViewAppearsAboveTheList() throws Exception {
        mvc.perform(post("/incidents/views")
                        .param("name", "Queue of my team")
                        .param("query", "status=new")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/incidents?status=new"));
        mvc.perform(get("/incidents").with(authentication(users.authentication(handler))))
                .andExpect(content().string(Matchers.containsString("Queue of my team")));
    }

    @Test
    void theIncidentPageShowsTheReportAsItWasMade() throws Exception {
        ReportReceipt receipt = users.as(
                reporter,
                () -> intake.submitReport(new ReportSubmission(
                                "something-else",
                                Map.of("what", "A stranger asked for my badge", "when", "2026-11-20T09:30"),
                                false,
                                "en",
                                "Europe/Amsterdam"))
                        .orRefuse());
        mvc.perform(get("/incidents/" + receipt.incident() + "/intake")
                        .with(authentication(users.authentication(handler))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("A stranger asked for my badge")))
                .andExpect(content().string(Matchers.containsString("What happened?")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "<time datetime=\"2026-11-20T08:30:00Z\">2026-11-20 08:30 UTC</time>")));
        TestUser stranger = users.user("wsstranger", Set.of(Role.REPORTER));
        mvc.perform(get("/incidents/" + receipt.incident() + "/intake")
                        .with(authentication(users.authentication(stranger))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("badge"))));
    }
}
