package io.cairn.risks;

import io.cairn.shared.ActorRef;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RISK-2: reminds the owners of overdue risks, on the first overdue day and then each reminder interval (a week by
 * default) while the risk stays overdue. Risks are claimed in batches by one guarded update that sets the day of the
 * reminder ({@code FOR UPDATE SKIP LOCKED}), each batch in its own transaction with its events, so that a restart,
 * a second scan or a second node never reminds anyone twice. A risk whose target moved and that became overdue again
 * is reminded afresh; a closed risk never.
 */
@Component
class RiskReminders {

    static final int BATCH = 100;
    private static final int MAX_BATCHES = 1_000;

    private final Risks risks;
    private final RiskOverdueSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RiskReminders(
            Risks risks,
            RiskOverdueSettings settings,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.risks = risks;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${cairn.risks.overdue.scan-delay:PT1M}",
            fixedDelayString = "${cairn.risks.overdue.scan-interval:PT15M}")
    void scheduled() {
        if (settings.scannerEnabled()) {
            scan(clock.instant());
        }
    }

    /** Reminds the owner of every risk due a reminder at {@code now}; how many were reminded. */
    int scan(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        int told = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Integer claimed = transactions.execute(status -> batch(today, now));
            if (claimed == null || claimed == 0) {
                break;
            }
            told += claimed;
        }
        return told;
    }

    private int batch(LocalDate today, Instant now) {
        List<RiskItem> claimed = risks.claimOverdue(today, today.minus(settings.remindEvery()), BATCH);
        for (RiskItem risk : claimed) {
            LocalDate target = java.util.Objects.requireNonNull(risk.details().mitigationTargetAt());
            events.publishEvent(new RiskOverdue(
                    risk.id(),
                    risk.details().title(),
                    risk.details().owner(),
                    target,
                    ChronoUnit.DAYS.between(target, today),
                    ActorRef.SYSTEM,
                    now));
        }
        return claimed.size();
    }
}
