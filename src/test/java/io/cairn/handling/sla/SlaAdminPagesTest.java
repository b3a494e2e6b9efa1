package io.cairn.handling.sla;

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
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.PriorityMatrix;
import io.cairn.incidents.PriorityMatrixDefinition;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The admin pages of the priority matrix and of SLAs: a matrix with a gap and a calendar with overlapping hours are
 * shown again with the problem next to the field; good changes are saved and audited; only admins get in.
 */
class SlaAdminPagesTest extends Pages.OnServer {

    @Autowired
    IncidentManagement incidents;

    @Autowired
    SlaManagement sla;

    @Autowired
    JdbcClient jdbc;

    TestUser admin;

    @BeforeEach
    void setUp() {
        admin = users.user("sla-page-admin", Set.of(Role.ADMIN));
    }

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(authentication(users.authentication(admin))).with(csrf());
    }

    private static MockHttpServletRequestBuilder matrix(MockHttpServletRequestBuilder request, long version) {
        return request.param("version", String.valueOf(version))
                .param("impactCount", "2")
                .param("urgencyCount", "2")
                .param("priorityCount", "2")
                .param("impact_0", "severe")
                .param("impact_1", "minor")
                .param("urgency_0", "now")
                .param("urgency_1", "later")
                .param("priority_0", "Urgent")
                .param("priority_1", "Normal")
                .param("cell_0_0", "1")
                .param("cell_0_1", "1")
                .param("cell_1_0", "2");
    }

    @Test
    void aMatrixWithAGapIsShownAgainWithTheProblemNextToTheCellAndAGoodOneIsSavedAndAudited() throws Exception {
        PriorityMatrix before = incidents.priorityMatrix();
        mvc.perform(asAdmin(get("/admin/priority-matrix"))
                        .param("impacts", "2")
                        .param("urgencies", "2")
                        .param("priorities", "2"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"cell_1_1\"")));

        mvc.perform(matrix(asAdmin(post("/admin/priority-matrix")), before.version())
                        .param("cell_1_1", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"cell_1_1-error\"")))
                .andExpect(content().string(Matchers.containsString("must be a priority level from 1 to 2")))
                .andExpect(content().string(Matchers.containsString("value=\"severe\"")));
        assertThat(incidents.priorityMatrix().version()).isEqualTo(before.version());

        long audited = jdbc.sql("select count(*) from audit_record where action = 'priority-matrix.changed'")
                .query(Long.class)
                .single();
        try {
            mvc.perform(matrix(asAdmin(post("/admin/priority-matrix")), before.version())
                            .param("cell_1_1", "2"))
                    .andExpect(redirectedUrl("/admin/priority-matrix"));
            PriorityMatrix after = incidents.priorityMatrix();
            assertThat(after.impacts()).containsExactly("severe", "minor");
            assertThat(after.priorityOf(2, 2)).isEqualTo(2);
            assertThat(jdbc.sql("select count(*) from audit_record where action = 'priority-matrix.changed'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(audited + 1);
        } finally {
            PriorityMatrix changed = incidents.priorityMatrix();
            users.as(
                    admin,
                    () -> incidents
                            .replacePriorityMatrix(new PriorityMatrixDefinition(
                                    before.impacts(),
                                    before.urgencies(),
                                    before.priorities(),
                                    before.cells(),
                                    changed.version()))
                            .orRefuse());
        }
    }

    @Test
    void theOverlappingHoursOfACalendarAreNamedInDutchForADutchReader() throws Exception {
        mvc.perform(asAdmin(post("/admin/sla/calendars"))
                        .param("lang", "nl")
                        .param("name", TestUsers.unique("Kantooruren"))
                        .param("zone", "Europe/Amsterdam")
                        .param("week.tuesday", "08:00-12:00, 11:00-16:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("De uren 08:00-12:00 en 11:00-16:00 overlappen.")));
    }

    @Test
    void aCalendarWithOverlappingHoursIsShownAgainWithTheProblemNextToTheDay() throws Exception {
        String name = TestUsers.unique("Support hours");
        mvc.perform(asAdmin(post("/admin/sla/calendars"))
                        .param("name", name)
                        .param("zone", "Europe/Amsterdam")
                        .param("week.monday", "09:00-17:00")
                        .param("week.tuesday", "08:00-12:00, 11:00-16:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"week-tuesday-error\"")))
                .andExpect(content().string(Matchers.containsString("The hours 08:00-12:00 and 11:00-16:00 overlap")))
                .andExpect(content().string(Matchers.containsString("value=\"08:00-12:00, 11:00-16:00\"")));

        mvc.perform(asAdmin(post("/admin/sla/calendars"))
                        .param("name", name)
                        .param("zone", "Europe/Amsterdam")
                        .param("week.monday", "09:00-17:00")
                        .param("week.tuesday", "08:00-12:00, 13:00-16:00")
                        .param("holidays", "2026-12-25\n2026-12-26"))
                .andExpect(redirectedUrl("/admin/sla"));
        SlaCalendarView saved = users.as(admin, () -> sla.calendars().orRefuse()).stream()
                .filter(calendar -> calendar.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(saved.week().get("tuesday")).containsExactly("08:00-12:00", "13:00-16:00");
        assertThat(saved.holidays()).containsExactly("2026-12-25", "2026-12-26");
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'sla-calendar.created' and object_id = ?")
                        .param(saved.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aPolicyWithANegativeTargetIsShownAgainWithTheProblemNextToTheField() throws Exception {
        mvc.perform(asAdmin(post("/admin/sla/policies/P3"))
                        .param("responseTarget", "-PT2H")
                        .param("resolutionTarget", "40h")
                        .param("warningPercent", "75"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Must be positive")))
                .andExpect(content().string(Matchers.containsString("value=\"-PT2H\"")));
        mvc.perform(asAdmin(post("/admin/sla/policies/P3"))
                        .param("responseTarget", "8h")
                        .param("resolutionTarget", "40h")
                        .param("warningPercent", "80")
                        .param("calendar", "00000000-0000-4000-8000-0000000005a1"))
                .andExpect(redirectedUrl("/admin/sla"));
        assertThat(users.as(admin, () -> sla.policy("P3").orRefuse()).warningPercent())
                .isEqualTo(80);
        users.as(
                admin,
                () -> sla.setPolicy(
                                "P3",
                                new SlaPolicyDefinition(
                                        "8h",
                                        "40h",
                                        SlaCalendarId.valueOf("00000000-0000-4000-8000-0000000005a1"),
                                        null,
                                        75,
                                        null,
                                        null))
                        .orRefuse());
    }

    @Test
    void anEscalationCycleIsShownNextToTheNextLevel() throws Exception {
        String first = TestUsers.unique("Tier one");
        String second = TestUsers.unique("Tier two");
        EscalationLevelView one = users.as(
                admin,
                () -> sla.createEscalationLevel(
                                new EscalationLevelDefinition(first, "role", "coordinator", "30m", null, null))
                        .orRefuse());
        EscalationLevelView two = users.as(
                admin,
                () -> sla.createEscalationLevel(
                                new EscalationLevelDefinition(second, "role", "admin", "1h", one.id(), null))
                        .orRefuse());

        mvc.perform(asAdmin(post("/admin/sla/escalation-levels"))
                        .param("id", one.id().toString())
                        .param("version", "0")
                        .param("name", first)
                        .param("notifyKind", "role")
                        .param("notifyTarget", "coordinator")
                        .param("waitFor", "30m")
                        .param("next", two.id().toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"level-next-error\"")))
                .andExpect(content().string(Matchers.containsString(first + " → " + second + " → " + first)));
    }

    @Test
    void onlyAdminsOpenTheAdminPages() throws Exception {
        TestUser coordinator = users.user("sla-page-coord", Set.of(Role.COORDINATOR));
        mvc.perform(get("/admin/sla").with(authentication(users.authentication(coordinator))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/priority-matrix").with(authentication(users.authentication(coordinator))))
                .andExpect(status().isForbidden());
        mvc.perform(asAdmin(get("/admin/sla")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Office hours")));
    }

    @Test
    void namesTheShippedCalendarInDutchForADutchReader() throws Exception {
        mvc.perform(asAdmin(get("/admin/sla").param("lang", "nl")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Kantooruren")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Office hours"))));
    }
}
