package io.cairn.isms.schedules;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/** The pages of schedules, without a browser: roles, presets, the preview, problems next to their fields. */
class ProcedureSchedulePagesTest extends Pages.OnServer {

    TestUser coordinator;
    TestUser handler;
    TestUser reporter;
    TestUser resolver;
    String patchingRound;

    @BeforeEach
    void people() {
        coordinator = users.user("spcoord", Set.of(Role.COORDINATOR));
        handler = users.user("sphandler", Set.of(Role.HANDLER));
        reporter = users.user("sprep", Set.of(Role.REPORTER));
        resolver = users.user("spres", Set.of(Role.RESOLVER));
        patchingRound = context.getBean(JdbcClient.class)
                .sql("select id::text from isms_procedure_type where type_key = 'patching-round'")
                .query(String.class)
                .single();
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

    private MockHttpServletRequestBuilder form(String name, String zone) {
        return form(name, zone, "Monthly servers");
    }

    private MockHttpServletRequestBuilder form(String name, String zone, String round) {
        return form(name, zone, round, "FREQ=MONTHLY;BYDAY=1MO");
    }

    private MockHttpServletRequestBuilder form(String name, String zone, String round, String rule) {
        return as(coordinator, post("/admin/procedure-schedules"))
                .with(csrf())
                .param("name", name)
                .param("procedureType", patchingRound)
                .param("owner", coordinator.username())
                .param("value.round", round)
                .param("value.deadline", "2027-06-30")
                .param("recurrence", rule)
                .param("firstDay", "2027-01-01")
                .param("time", "09:00")
                .param("zone", zone)
                .param("nonWorkingDay", "next-working-day");
    }

    @Test
    void onlyStaffWhoHandleProceduresSeeSchedulesAndOnlyAdminsAndCoordinatorsEditThem() throws Exception {
        for (TestUser outsider : List.of(reporter, resolver)) {
            for (String path : List.of("/admin/procedure-schedules", "/admin/procedure-schedules/new")) {
                mvc.perform(as(outsider, get(path))).andExpect(status().isNotFound());
            }
        }
        mvc.perform(as(handler, get("/admin/procedure-schedules/new"))).andExpect(status().isNotFound());
        assertThat(page(handler, "/admin/procedure-schedules")).doesNotContain("/admin/procedure-schedules/new");
        assertThat(page(coordinator, "/admin/procedure-schedules")).contains("/admin/procedure-schedules/new");
    }

    @Test
    void theEditorFillsInAPresetAndPreviewsItsNextOccurrencesInDutch() throws Exception {
        String fresh = page(coordinator, "/admin/procedure-schedules/new?lang=nl");
        assertThat(fresh).contains("Volgende keren").contains("De eerste maandag van de maand");

        String quarterly = mvc.perform(form("", "Europe/Amsterdam")
                        .param("preset", "quarterly")
                        .param("action", "preset")
                        .param("lang", "nl"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(HtmlUtils.htmlUnescape(quarterly))
                .contains("FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1")
                .contains("Elk kwartaal, op de eerste werkdag")
                .contains("vrijdag 2027-01-01 09:00")
                .contains("donderdag 2027-04-01 09:00");
    }

    @Test
    void aRefusedSaveShowsEachProblemNextToItsFieldAndStoresNothing() throws Exception {
        String name = TestUsers.unique("Refused schedule");

        String answer = mvc.perform(form(name, "Mars/Olympus", ""))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(HtmlUtils.htmlUnescape(answer))
                .contains("'Mars/Olympus' is not a time zone")
                .contains("The form of 'Patching round' requires it")
                .contains("aria-invalid=\"true\"");
        assertThat(page(coordinator, "/admin/procedure-schedules")).doesNotContain(name);

        String never = HtmlUtils.htmlUnescape(
                mvc.perform(form(name, "Europe/Amsterdam", "Monthly servers", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(never).contains("Never fires: the rule has no occurrence within ten years");
    }

    @Test
    void aSavedScheduleShowsItsNextOccurrenceAndIsPausedFromItsPage() throws Exception {
        String name = TestUsers.unique("Monthly patching");
        String location = mvc.perform(form(name, "Europe/Amsterdam"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/admin/procedure-schedules/");

        assertThat(page(handler, "/admin/procedure-schedules"))
                .contains(name)
                .contains("The first Monday of the month")
                .contains("2027-01-04 09:00");
        String schedule = page(handler, location);
        assertThat(schedule).contains("It has not fired yet.").doesNotContain("name=\"version\"");

        String version = page(coordinator, location).replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
        mvc.perform(as(coordinator, post(location + "/pause")).with(csrf()).param("version", version))
                .andExpect(status().is3xxRedirection());
        assertThat(page(coordinator, "/admin/procedure-schedules"))
                .contains(name)
                .contains("paused");
    }
}
