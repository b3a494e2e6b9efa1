package io.cairn.isms.schedules;

import io.cairn.shared.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires the schedules whose next occurrence is due: each due occurrence is recorded once ({@code (schedule,
 * occurrence)} is unique) in the transaction that starts its run and advances the schedule, so a scan killed midway
 * leaves nothing half-done, and two scans at once never fire a schedule twice (schedules are claimed with {@code FOR
 * UPDATE SKIP LOCKED}). After downtime every missed occurrence is started, late, up to {@value #MAX_CATCH_UP} per
 * schedule and scan, the latest ones; the earlier ones are recorded as missed. An occurrence whose run cannot start
 * (the type retired, the owner disabled, a value no longer valid) is recorded with the reason, never dropped.
 */
@Component
class ScheduleScanner {

    private static final Logger log = LoggerFactory.getLogger(ScheduleScanner.class);

    /** The most occurrences of one schedule that one scan starts; earlier ones are recorded as missed. */
    static final int MAX_CATCH_UP = 12;

    private static final int BATCH = 50;
    private static final int MAX_BATCHES = 200;
    static final int MAX_DUE = 100_000;

    private final Schedules schedules;
    private final ScheduleOccurrences occurrences;
    private final StoredRecurrences recurrences;
    private final ObjectProvider<ScheduledRunStarter> starters;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final Clock clock;
    private final boolean enabled;

    ScheduleScanner(
            Schedules schedules,
            ScheduleOccurrences occurrences,
            StoredRecurrences recurrences,
            ObjectProvider<ScheduledRunStarter> starters,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${cairn.schedules.scanner-enabled:true}") boolean enabled) {
        this.schedules = schedules;
        this.occurrences = occurrences;
        this.recurrences = recurrences;
        this.starters = starters;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(
            fixedDelayString = "${cairn.schedules.scan-interval:PT1M}",
            initialDelayString = "${cairn.schedules.scan-interval:PT1M}")
    void scheduledScan() {
        if (!enabled) {
            return;
        }
        ScheduleScanReport report = scan(clock.instant());
        if (report.any()) {
            log.info(
                    "Schedule scan: {} runs started, {} not started, {} missed in {} ms",
                    report.started(),
                    report.notStarted(),
                    report.missed(),
                    report.millis());
        }
    }

    /** Fires every occurrence due at {@code now}; for the scheduler and for tests, which pass the moment they want. */
    ScheduleScanReport scan(Instant now) {
        long began = System.nanoTime();
        int[] counts = new int[3];
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Integer claimed = transactions.execute(status -> {
                List<Schedule> due = schedules.claimDue(now, BATCH);
                due.forEach(schedule -> fire(schedule, now, counts));
                return due.size();
            });
            if (claimed == null || claimed < BATCH) {
                break;
            }
        }
        return new ScheduleScanReport(counts[0], counts[1], counts[2], (System.nanoTime() - began) / 1_000_000);
    }

    /** Fires the due occurrences of one claimed schedule and sets its next one. */
    private void fire(Schedule schedule, Instant now, int[] counts) {
        Optional<Recurrence> recurrence = recurrences.of(schedule);
        Instant from = schedule.nextAt() == null ? now : schedule.nextAt();
        List<Recurrence.Occurrence> due =
                recurrence.map(found -> found.between(from, now, MAX_DUE)).orElse(List.of());
        int firstStarted = Math.max(0, due.size() - MAX_CATCH_UP);
        for (int i = 0; i < due.size(); i++) {
            Instant at = due.get(i).at();
            if (!occurrences.claim(schedule.id(), at, now)) {
                continue;
            }
            if (i < firstStarted) {
                occurrences.settle(
                        schedule.id(),
                        at,
                        ScheduleOccurrences.Result.MISSED,
                        null,
                        OccurrenceReason.of(ScheduleRefusals.TOO_MANY_DUE, MAX_CATCH_UP));
                counts[2]++;
            } else if (start(schedule, at)) {
                counts[0]++;
            } else {
                counts[1]++;
            }
        }
        @Nullable
        Instant next = recurrence
                .flatMap(found -> found.next(now.plusNanos(1)))
                .map(Recurrence.Occurrence::at)
                .orElse(null);
        schedules.advance(schedule.id(), next);
    }

    /**
     * Starts the run of a claimed occurrence and records what came of it; a failure of the runs rolls back to a
     * savepoint, so that it is recorded as a reason rather than undoing the scan.
     */
    private boolean start(Schedule schedule, Instant at) {
        @Nullable ScheduledRunStarter starter = starters.getIfAvailable();
        if (starter == null) {
            occurrences.settle(
                    schedule.id(),
                    at,
                    ScheduleOccurrences.Result.NOT_STARTED,
                    null,
                    OccurrenceReason.of(ScheduleRefusals.NO_RUNS_HERE));
            return false;
        }
        ScheduledStart start = new ScheduledStart(
                schedule.id(), schedule.name(), schedule.procedureType(), schedule.owner(), schedule.values(), at);
        Outcome<String> started;
        try {
            started = savepoints.execute(status -> {
                Outcome<String> answer = starter.startScheduled(start);
                if (answer instanceof Outcome.Refused<String>) {
                    status.setRollbackOnly();
                }
                return answer;
            });
        } catch (RuntimeException failure) {
            log.warn("The run of schedule {} for {} failed to start", schedule.id(), at, failure);
            started = null;
        }
        if (started instanceof Outcome.Done<String> done) {
            occurrences.settle(schedule.id(), at, ScheduleOccurrences.Result.STARTED, done.value(), null);
            return true;
        }
        OccurrenceReason reason = started instanceof Outcome.Refused<String> refused
                ? OccurrenceReason.of(refused.refusal())
                : OccurrenceReason.of(ScheduleRefusals.RUN_FAILED);
        occurrences.settle(schedule.id(), at, ScheduleOccurrences.Result.NOT_STARTED, null, reason);
        return false;
    }
}
