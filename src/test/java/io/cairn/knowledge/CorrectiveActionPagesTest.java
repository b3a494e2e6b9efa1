package io.cairn.knowledge;

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
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Coordinators follow the corrective actions of all reviews on one page and mark them done; others may not. */
class CorrectiveActionPagesTest extends Pages.OnServer {

    @Autowired
    IncidentManagement incidents;

    @Autowired
    KnowledgeManagement knowledge;

    @Test
    void aCoordinatorSeesOpenActionsMarksOneDoneAndFindsItAmongAll() throws Exception {
        TestUser coordinator = users.user("actions-coordinator", Set.of(Role.COORDINATOR));
        TestUser handler = users.user("actions-handler", Set.of(Role.HANDLER));
        String title = TestUsers.unique("Enforce MFA for admins");
        IncidentView incident = users.as(
                coordinator,
                () -> incidents
                        .report(new NewIncident(
                                "Admin account taken over",
                                "Seen this morning.",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
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
        CorrectiveAction action = users.as(
                coordinator,
                () -> knowledge
                        .addCorrectiveAction(
                                incident.id(),
                                new NewCorrectiveAction(
                                        title,
                                        coordinator.id(),
                                        LocalDate.now(ZoneOffset.UTC).plusDays(7)))
                        .orRefuse());

        mvc.perform(get("/corrective-actions").with(authentication(users.authentication(coordinator))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(title)))
                .andExpect(content().string(Matchers.containsString(incident.reference())));
        mvc.perform(get("/corrective-actions").with(authentication(users.authentication(handler))))
                .andExpect(status().isForbidden());

        mvc.perform(post("/corrective-actions/{id}/status", action.id())
                        .param("done", "true")
                        .param("version", String.valueOf(action.version()))
                        .param("open", "true")
                        .with(authentication(users.authentication(coordinator)))
                        .with(csrf()))
                .andExpect(redirectedUrl("/corrective-actions?open=true"));
        mvc.perform(post("/corrective-actions/{id}/status", action.id())
                        .param("done", "false")
                        .param("version", String.valueOf(action.version()))
                        .param("open", "true")
                        .with(authentication(users.authentication(coordinator)))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", Matchers.startsWith("Someone else changed this")));

        mvc.perform(get("/corrective-actions").with(authentication(users.authentication(coordinator))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/corrective-actions")
                        .param("open", "false")
                        .param("lang", "nl")
                        .with(authentication(users.authentication(coordinator))))
                .andExpect(content().string(Matchers.containsString(title)))
                .andExpect(content().string(Matchers.containsString("Heropenen")));
    }
}
