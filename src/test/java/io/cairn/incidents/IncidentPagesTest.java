package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of the incident pages, checked without a browser: who sees what, CSRF, versions, htmx fragments. */
class IncidentPagesTest extends Pages.OnServer {

    @Autowired
    IncidentManagement incidents;

    TestUser handler;
    TestUser reporter;

    @BeforeEach
    void setUp() {
        handler = users.user("handler", Set.of(Role.HANDLER));
        reporter = users.user("reporter", Set.of(Role.REPORTER));
    }

    @Test
    void sendsVisitorsWhoAreNotSignedInToTheSignInPage() throws Exception {
        mvc.perform(get("/incidents")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void answersAnotherReportersIncidentWith404() throws Exception {
        IncidentView incident = reported(reporter, "Mine alone");
        TestUser other = users.user("other", Set.of(Role.REPORTER));

        mvc.perform(get("/incidents/" + incident.id()).with(authentication(users.authentication(other))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/incidents/" + incident.id() + "/notes")
                        .param("text", "sneaky")
                        .with(authentication(users.authentication(other)))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesAReportersAttemptToAssignTheirIncident() throws Exception {
        IncidentView incident = reported(reporter, "Assign me");

        mvc.perform(post("/incidents/" + incident.id() + "/assign")
                        .param("owner", reporter.id().toString())
                        .param("version", "0")
                        .with(authentication(users.authentication(reporter)))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAFormWithoutItsCsrfToken() throws Exception {
        mvc.perform(post("/incidents/new")
                        .param("title", "t")
                        .param("description", "d")
                        .with(authentication(users.authentication(handler))))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsTheConflictWhenTheFormCarriesAnOldVersion() throws Exception {
        IncidentView incident = reported(reporter, "Two handlers at once");
        users.as(
                handler,
                () -> incidents
                        .transition(incident.id(), new IncidentCommands.Transition(Status.TRIAGE, null, 0L))
                        .orRefuse());

        mvc.perform(post("/incidents/" + incident.id() + "/transition")
                        .param("to", "analysis")
                        .param("version", "0")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content()
                        .string(Matchers.containsString("Someone else changed this while you were working on it.")))
                .andExpect(content().string(Matchers.containsString("name=\"version\" value=\"1\"")));
        assertThat(users.as(
                        handler,
                        () -> incidents.incident(incident.id()).orElseThrow().status()))
                .isEqualTo(Status.TRIAGE);
    }

    @Test
    void storesNothingWhenTheReportHasErrors() throws Exception {
        long before = count();

        mvc.perform(post("/incidents/new")
                        .param("title", "Future")
                        .param("description", "d")
                        .param("occurredAt", "2999-01-01T00:00")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content()
                                .string(
                                        Matchers.containsString(
                                                "<small class=\"field-error\" id=\"occurredAt-error\">This time lies in the future.</small>")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void givesHtmxOnlyTheResultsAndBrowsersTheWholePage() throws Exception {
        reported(handler, "Fragment check");

        String fragment = mvc.perform(get("/incidents")
                        .param("q", "fragment")
                        .header("HX-Request", "true")
                        .with(authentication(users.authentication(handler))))
                .andExpect(status().isOk())
                .andExpect(header().string("Vary", Matchers.containsString("HX-Request")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fragment)
                .startsWith("<section id=\"results\"")
                .doesNotContain("<html")
                .contains("Fragment check");

        String page = mvc.perform(
                        get("/incidents").param("q", "fragment").with(authentication(users.authentication(handler))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<html").contains("id=\"filters\"").contains("Fragment check");
    }

    @Test
    void explainsFiltersItCannotRead() throws Exception {
        mvc.perform(get("/incidents")
                        .param("status", "nonsense")
                        .param("reportedFrom", "2026-02-10")
                        .param("reportedTo", "2026-02-01")
                        .with(authentication(users.authentication(handler))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Status: is not a value this filter knows")))
                .andExpect(content().string(Matchers.containsString("Reported until: lies before the first day")));
    }

    @Test
    void showsADateFilterItCannotReadNextToItsFieldInsteadOfFailing() throws Exception {
        String page = mvc.perform(get("/incidents")
                        .param("reportedFrom", "garbage")
                        .with(authentication(users.authentication(handler))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("id=\"reportedFrom-error\"")
                .contains("Reported from: is not a date from 1970 to 9999 (yyyy-mm-dd)")
                .contains("name=\"reportedFrom\" value=\"garbage\"");
        mvc.perform(get("/incidents")
                        .param("reportedTo", "-999999-01-01")
                        .with(authentication(users.authentication(handler))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"reportedTo-error\"")));
    }

    @Test
    void showsWhyLoweringTheMarkingNeedsAReasonNextToTheReasonField() throws Exception {
        IncidentView incident = reported(handler, "Marked red");
        users.as(
                handler,
                () -> incidents
                        .mark(incident.id(), new IncidentCommands.Mark(Tlp.RED, Pap.RED, false, null, 0L))
                        .orRefuse());

        mvc.perform(post("/incidents/" + incident.id() + "/mark")
                        .param("tlp", "GREEN")
                        .param("pap", "RED")
                        .param("version", "1")
                        .header("Accept-Language", "nl")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(Matchers.containsString("<small class=\"field-error\" "
                                + "id=\"mark-reason-error\">De TLP-markering verlagen van RED naar GREEN vraagt om een reden."
                                + "</small>")))
                .andExpect(content()
                        .string(Matchers.containsString(
                                "<details class=\"card action\" " + "id=\"action-mark\" open=\"open\">")));
    }

    @Test
    void linksToAnotherIncidentNamedByItsReference() throws Exception {
        IncidentView first = reported(handler, "First of two");
        IncidentView second = reported(handler, "Second of two");

        mvc.perform(post("/incidents/" + first.id() + "/links")
                        .param("target", second.reference().toLowerCase())
                        .param("kind", "DUPLICATE_OF")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/incidents/" + first.id()));
        mvc.perform(get("/incidents/" + second.id()).with(authentication(users.authentication(handler))))
                .andExpect(content().string(Matchers.containsString("Has duplicate")))
                .andExpect(content()
                        .string(Matchers.containsString("marked " + first.reference() + " as a duplicate of it")));
    }

    @Test
    void offersTheReportFormOnlyToThoseWhoMayReport() throws Exception {
        TestUser auditor = users.user("auditor", Set.of(Role.AUDITOR));

        mvc.perform(get("/incidents/new").with(authentication(users.authentication(auditor))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/incidents/new").with(authentication(users.authentication(reporter))))
                .andExpect(status().isOk());
    }

    @Test
    void opensAnIncidentByItsReference() throws Exception {
        IncidentView incident = reported(handler, "By reference");

        mvc.perform(get("/incidents/" + incident.reference()).with(authentication(users.authentication(handler))))
                .andExpect(redirectedUrl("/incidents/" + incident.id()));
    }

    private IncidentView reported(TestUser by, String title) {
        return users.as(
                by, () -> incidents.report(NewIncident.of(title, "Details.")).orRefuse());
    }

    private long count() {
        return users.as(
                users.user("coordinator", Set.of(Role.COORDINATOR)),
                () -> incidents.list(IncidentFilter.everything()).orRefuse().total());
    }
}
