package io.cairn.handling.sla;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The handlers' incident list shows where each incident stands against its SLA, in the page's language. */
class SlaListMarksTest extends Pages.OnServer {

    @Autowired
    IncidentManagement incidents;

    @Autowired
    SlaManagement sla;

    @Test
    void theListShowsWhenTheResponseIsDueAndThenThatItIsOverdue() throws Exception {
        TestUser coordinator = users.user("sla-list-coordinator", Set.of(Role.COORDINATOR));
        String word = "zq" + TestUsers.unique("beacon").replaceAll("[^a-z0-9]", "");
        IncidentView incident = users.as(
                coordinator,
                () -> incidents
                        .report(new NewIncident(
                                "Beaconing " + word,
                                "Seen this morning.",
                                null,
                                null,
                                null,
                                "high",
                                "high",
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
        String due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC)
                .format(incident.reportedAt().plus(Duration.ofHours(1)));

        mvc.perform(get("/incidents").param("q", word).with(authentication(users.authentication(coordinator))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("class=\"list-mark on-track\"")))
                .andExpect(content().string(Matchers.containsString("response due " + due)));
        mvc.perform(get("/incidents")
                        .param("q", word)
                        .param("lang", "nl")
                        .with(authentication(users.authentication(coordinator))))
                .andExpect(content().string(Matchers.containsString("reactie uiterlijk " + due)));

        sla.scan(incident.reportedAt().plus(Duration.ofHours(1)).plusSeconds(5));

        mvc.perform(get("/incidents").param("q", word).with(authentication(users.authentication(coordinator))))
                .andExpect(content().string(Matchers.containsString("class=\"list-mark breached\"")))
                .andExpect(content().string(Matchers.containsString("response overdue")));
    }
}
