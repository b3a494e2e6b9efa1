package io.cairn.handling.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.OneModule;
import io.cairn.handling.SlaClockKind;
import io.cairn.identity.IdentityManagement;
import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentReported;
import io.cairn.shared.ActorRef;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** How the SLA part of the handling module reacts to other modules' events, on its own. */
@OneModule
class SlaReactionsTest {

    @MockitoBean
    IncidentManagement incidents;

    @MockitoBean
    IdentityManagement identity;

    @MockitoBean
    io.cairn.incidents.system.IncidentsForSystem incidentsForSystem;

    @MockitoBean
    io.cairn.identity.system.UsersForSystem usersForSystem;

    @Autowired
    SlaClocks clocks;

    @Autowired
    Clock clock;

    @Test
    void aReportedIncidentStartsItsResponseAndResolutionClocksByThePolicyOfItsPriority(Scenario scenario) {
        IncidentId incident = IncidentId.random();

        scenario.publish(new IncidentReported(
                        incident,
                        ActorRef.SYSTEM,
                        clock.instant(),
                        1,
                        Category.UNDETERMINED,
                        null,
                        null,
                        null,
                        null,
                        "digest"))
                .andWaitForStateChange(() -> clocks.of(incident), started -> !started.isEmpty())
                .andVerify(started -> assertThat(started)
                        .allSatisfy(one -> {
                            assertThat(one.priorityLevel()).isEqualTo(1);
                            assertThat(one.state()).isEqualTo(SlaClock.State.RUNNING);
                        })
                        .extracting(SlaClock::kind)
                        .containsExactlyInAnyOrder(SlaClockKind.values()));
    }
}
