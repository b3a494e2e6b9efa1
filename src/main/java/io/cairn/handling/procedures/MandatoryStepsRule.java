package io.cairn.handling.procedures;

import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Status;
import io.cairn.incidents.TransitionRule;
import io.cairn.shared.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A phase is not left while its mandatory steps are open, and an incident is not closed while any mandatory task is
 * open; the refusal names the open steps, next to the status the user chose.
 */
@Component
class MandatoryStepsRule implements TransitionRule {

    private final Tasks tasks;

    MandatoryStepsRule(Tasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public Optional<Refusal> refusal(IncidentView incident, Status to) {
        if (to == Status.CLOSED) {
            List<String> open = tasks.openMandatory(incident.id(), null);
            return open.isEmpty() ? Optional.empty() : Optional.of(refusal("The incident cannot be closed", open));
        }
        if (!PlaybookStep.PHASES.contains(incident.status()) || to == incident.status()) {
            return Optional.empty();
        }
        List<String> open = tasks.openMandatory(incident.id(), incident.status());
        return open.isEmpty() ? Optional.empty()
                : Optional.of(refusal(phaseName(incident.status()) + " cannot be left", open));
    }

    /**
     * A refusal of the status field; the open steps are its argument, so that one code serves each phase, and they
     * are named in the reader's language when they are shipped steps.
     */
    private static Refusal refusal(String what, List<String> open) {
        String template = what + " while these mandatory steps are open: {0}";
        Refusal.FieldProblem problem = Refusal.FieldProblem.of("to", template,
                String.join("; ", open.stream().map(ShippedTexts::shown).toList()));
        return new Refusal(Refusal.Kind.CONFLICT, problem.message(), List.of(problem), template,
                problem.arguments());
    }

    private static String phaseName(Status phase) {
        String code = phase.code();
        return code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
    }
}
