package io.cairn.isms.runs;

import io.cairn.risks.RiskOrigin;
import io.cairn.risks.RiskSource;
import io.cairn.shared.Outcome;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs as the risk register sees what raised a risk from a finding: a run its reader may read in full, named by its
 * reference and its procedure in the reader's language (its summary: the run's page asks this on every view).
 */
@Component
class RunRiskSource implements RiskSource {

    /** The kind the register and the paths name runs by. */
    static final String KIND = "procedure-run";

    private final ProcedureRuns runs;
    private final MessageSource messages;

    RunRiskSource(ProcedureRuns runs, MessageSource messages) {
        this.runs = runs;
        this.messages = messages;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<RiskOrigin> find(UUID id) {
        return runs.summary(new ProcedureRunId(id)) instanceof Outcome.Done<RunSummary> done
                ? Optional.of(new RiskOrigin(
                        KIND,
                        id,
                        messages.getMessage("runs.risk-origin", null, LocaleContextHolder.getLocale()),
                        done.value().reference(),
                        done.value().procedure(),
                        "/procedures/runs/" + id))
                : Optional.empty();
    }
}
