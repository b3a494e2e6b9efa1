package io.cairn.handling.procedures;

import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Status;
import io.cairn.incidents.TransitionRule;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The incidents module's transition rule that asks the incident's {@link PlaybookRun} whether its phase may be left:
 * not while the phase's mandatory steps are open, and the incident is not closed while any mandatory task is open.
 */
@Component
class MandatoryStepsRule implements TransitionRule {

    private final PlaybookRuns runs;

    MandatoryStepsRule(PlaybookRuns runs) {
        this.runs = runs;
    }

    @Override
    public Optional<Refusal> refusal(IncidentView incident, Status to) {
        if (runs.of(incident.id()).leave(incident.status(), to) instanceof Outcome.Refused<Status> refused) {
            return Optional.of(refused.refusal());
        }
        return Optional.empty();
    }
}
