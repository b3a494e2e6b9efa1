package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The navigation offers each person one way to report, and the incident list only to those who see others' incidents. */
class NavigationTest extends Pages.OnServer {

    private Document page(TestUser user, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(authentication(users.authentication(user))))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void aReporterReportsThroughThePortalAndFollowsTheirOwnReportsNotTheIncidentList() throws Exception {
        TestUser reporter = users.user("reporter", Set.of(Role.REPORTER));

        Document reports = page(reporter, "/reports");

        assertThat(reports.select("header nav a[href=/report]").eachText()).containsExactly("Report incident");
        assertThat(reports.select("header nav a[href=/incidents/new]")).isEmpty();
        assertThat(reports.select("header nav a[href=/incidents]:not(.brand)")).isEmpty();
        assertThat(reports.select("header nav a[href=/reports]").eachText()).containsExactly("My reports");
        mvc.perform(get("/incidents").with(authentication(users.authentication(reporter))))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/").with(authentication(users.authentication(reporter))))
                .andExpect(redirectedUrl("/report"));
    }

    @Test
    void aHandlerReportsThroughTheFullFormAndSeesTheIncidentList() throws Exception {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));

        Document incidents = page(handler, "/incidents");

        assertThat(incidents.select("header nav a[href=/incidents/new]").eachText())
                .containsExactly("Report incident");
        assertThat(incidents.select("header nav a[href=/report]")).isEmpty();
        assertThat(incidents.select("header nav a[href=/incidents]:not(.brand)").eachText())
                .containsExactly("Incidents");
        assertThat(page(handler, "/incidents/new").select("main a[href=/report]"))
                .as("the guided forms, one click away")
                .hasSize(1);
    }

    @Test
    void aResolverStartsAtTheirTeamsTasks() throws Exception {
        TestUser resolver = users.user("resolver", Set.of(Role.RESOLVER));

        mvc.perform(get("/").with(authentication(users.authentication(resolver))))
                .andExpect(redirectedUrl("/tasks"));
        mvc.perform(get("/incidents").with(authentication(users.authentication(resolver))))
                .andExpect(redirectedUrl("/"));
    }
}
