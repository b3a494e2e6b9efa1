package io.cairn.isms.runs;

import io.cairn.handling.OtherTeamWork;
import io.cairn.handling.TeamWorkItem;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Puts the steps of security procedures on the team task list, each marked with its run's reference and procedure. */
@Component
class RunTeamWork implements OtherTeamWork {

    private final ProcedureRuns runs;

    RunTeamWork(ProcedureRuns runs) {
        this.runs = runs;
    }

    @Override
    public List<TeamWorkItem> openWork() {
        return runs.myWork().stream()
                .map(step -> new TeamWorkItem(
                        step.title(),
                        step.reference() + " · " + step.procedure(),
                        Objects.requireNonNullElse(
                                step.approverName(), Objects.requireNonNullElse(step.teamName(), step.ownerName())),
                        step.dueAt(),
                        step.mandatory(),
                        "/procedures/steps/" + step.id()))
                .toList();
    }
}
