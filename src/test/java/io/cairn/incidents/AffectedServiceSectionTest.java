package io.cairn.incidents;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import io.cairn.Pages;
import io.cairn.assets.AssetManagement;
import io.cairn.assets.Criticality;
import io.cairn.assets.ServiceDefinition;
import io.cairn.assets.ServiceView;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.util.List;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** On the incident page, handlers name the services an incident affects; others who do not see it read nothing. */
class AffectedServiceSectionTest extends Pages.OnServer {

    @Autowired
    AssetManagement assets;

    @Autowired
    IncidentManagement incidents;

    TestUser handler;
    ServiceView shop;
    IncidentView incident;

    @BeforeEach
    void setUp() {
        TeamId team = users.team("svc-page");
        handler = users.user("svc-page-handler", Set.of(Role.HANDLER), team);
        TestUser admin = users.user("svc-page-admin", Set.of(Role.ADMIN));
        shop = users.as(
                        admin,
                        () -> assets.registerService(new ServiceDefinition(
                                TestUsers.unique("Shop"), "", team, Criticality.HIGH, List.of(), null)))
                .orRefuse();
        incident = users.as(handler, () -> incidents.report(NewIncident.of("Checkout broken", "It fails")))
                .orRefuse();
    }

    @Test
    void aHandlerNamesAServiceAndGetsTheSectionBackWithIt() throws Exception {
        mvc.perform(post("/incidents/" + incident.id() + "/services")
                        .param("services", shop.id().toString())
                        .param("version", String.valueOf(incident.version()))
                        .header("HX-Request", "true")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(content().string(Matchers.containsString("The affected services were saved.")))
                .andExpect(content().string(Matchers.containsString(shop.name())));
        mvc.perform(get("/incidents/" + incident.id() + "/services")
                        .with(authentication(users.authentication(handler))))
                .andExpect(content().string(Matchers.containsString(shop.name())));
    }

    @Test
    void aStaleFormShowsTheProblemAndNamesNothing() throws Exception {
        mvc.perform(post("/incidents/" + incident.id() + "/services")
                        .param("services", shop.id().toString())
                        .param("version", String.valueOf(incident.version() + 5))
                        .header("HX-Request", "true")
                        .with(authentication(users.authentication(handler)))
                        .with(csrf()))
                .andExpect(content().string(Matchers.containsString("notice error")))
                .andExpect(content().string(Matchers.containsString("No service is named as affected.")));
    }

    @Test
    void aReporterOfAnotherIncidentSeesAnEmptySection() throws Exception {
        TestUser stranger = users.user("svc-page-stranger", Set.of(Role.REPORTER));
        mvc.perform(get("/incidents/" + incident.id() + "/services")
                        .with(authentication(users.authentication(stranger))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Affected services"))));
    }
}
