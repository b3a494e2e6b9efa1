package io.cairn.incidents;

import static io.cairn.incidents.TestIncidents.MATRIX;
import static io.cairn.incidents.TestIncidents.REPORTED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Pap;
import io.cairn.shared.Refusal;
import io.cairn.shared.Tlp;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An incident's TLP marking may be raised freely; lowering it is a decision that needs a reason. */
class IncidentMarkingTest {

    private static final Instant LATER = REPORTED_AT.plusSeconds(60);

    @Test
    void raisingTheTlpNeedsNoReason() {
        Incident incident = TestIncidents.reported();

        assertThat(incident.mark(Tlp.RED, Pap.RED, true, null, LATER)).isEmpty();

        IncidentView view = incident.view(MATRIX);
        assertThat(view.tlp()).isEqualTo(Tlp.RED);
        assertThat(view.pap()).isEqualTo(Pap.RED);
        assertThat(view.confidential()).isTrue();
        assertThat(view.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void keepingTheTlpNeedsNoReason() {
        Incident incident = TestIncidents.reported();

        assertThat(incident.mark(Tlp.AMBER, Pap.GREEN, false, " ", LATER)).isEmpty();
        assertThat(incident.view(MATRIX).pap()).isEqualTo(Pap.GREEN);
    }

    @Test
    void loweringTheTlpWithoutAReasonIsRefusedAndChangesNothing() {
        Incident incident = TestIncidents.reported();
        String before = incident.snapshot();

        for (String missing : new String[] {null, "", "  "}) {
            Optional<Refusal> refusal = incident.mark(Tlp.GREEN, Pap.AMBER, false, missing, LATER);

            assertThat(refusal)
                    .get()
                    .extracting(Refusal::message)
                    .isEqualTo("reason: lowering the TLP marking from AMBER to GREEN needs a reason");
            assertThat(incident.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void loweringTheTlpWithAReasonIsDone() {
        Incident incident = TestIncidents.reported();

        assertThat(incident.lowers(Tlp.CLEAR)).isTrue();
        assertThat(incident.lowers(Tlp.AMBER_STRICT)).isFalse();
        assertThat(incident.mark(Tlp.CLEAR, Pap.CLEAR, false, "published in the public advisory", LATER))
                .isEmpty();
        assertThat(incident.view(MATRIX).tlp()).isEqualTo(Tlp.CLEAR);
    }
}
