package io.cairn.handling.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.OneModule;
import io.cairn.handling.RoutingRuleChanged;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.SecurityTeamFormed;
import io.cairn.identity.TeamId;
import io.cairn.incidents.IncidentManagement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** How the routing part of the handling module reacts to other modules' events, on its own. */
@OneModule
class RoutingReactionsTest {

    @MockitoBean
    IncidentManagement incidents;

    @MockitoBean
    IdentityManagement identity;

    @MockitoBean
    io.cairn.incidents.system.IncidentsForSystem incidentsForSystem;

    @MockitoBean
    io.cairn.identity.system.UsersForSystem usersForSystem;

    @Autowired
    RoutingRules rules;

    @Autowired
    Clock clock;

    @Test
    void aNewSecurityTeamGetsTheCatchAllRoutingRule(Scenario scenario) {
        TeamId team = TeamId.random();

        scenario.publish(new SecurityTeamFormed(team, "Security", clock.instant()))
                .andWaitForEventOfType(RoutingRuleChanged.class)
                .matching(changed -> changed.verb() == RoutingRuleChanged.Verb.ADDED)
                .toArriveAndVerify(changed -> assertThat(rules.byId(RoutingRuleId.valueOf(changed.rule())))
                        .hasValueSatisfying(rule -> {
                            assertThat(rule.name()).isEqualTo(ShippedRoutingRule.NAME);
                            assertThat(rule.team()).isEqualTo(team);
                        }));
    }
}
