package io.cairn.isms.runs;

import io.cairn.isms.schedules.ScheduledRunStarter;
import io.cairn.isms.schedules.ScheduledStart;
import io.cairn.shared.Outcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Starts the runs schedules ask for, as the system: nobody requested them, the schedule's owner owns them. */
@Service
class ScheduledRuns implements ScheduledRunStarter {

    private final RunStarting starting;

    ScheduledRuns(RunStarting starting) {
        this.starting = starting;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome<String> startScheduled(ScheduledStart start) {
        return starting.startScheduled(
                        start.type(),
                        start.owner(),
                        start.values(),
                        new ProcedureRun.ScheduleRef(start.schedule().value(), start.occurrence()))
                .map(ProcedureRun::reference);
    }
}
