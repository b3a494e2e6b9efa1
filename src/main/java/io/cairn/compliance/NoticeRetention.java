package io.cairn.compliance;

import io.cairn.shared.ActorRef;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases the lists of people whose notices were sent longer ago than the retention ({@code
 * cairn.compliance.notice-retention}, counted from the last send, or from the last import when nothing was sent),
 * keeping their counts on the stage's notice; each erasure is audited. Lists are claimed in batches ({@code FOR UPDATE
 * SKIP LOCKED}), so several nodes may erase at once.
 */
@Component
class NoticeRetention {

    private static final int BATCH = 20;

    private final NoticeLists lists;
    private final NoticeSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NoticeRetention(
            NoticeLists lists,
            NoticeSettings settings,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.lists = lists;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${cairn.compliance.notice-erase-delay:PT1M}",
            fixedDelayString = "${cairn.compliance.notice-erase-interval:PT1H}")
    void scheduled() {
        eraseExpired(clock.instant());
    }

    /** Erases every list whose retention ended before {@code now}; how many lists it erased. */
    int eraseExpired(Instant now) {
        int erased = 0;
        while (true) {
            Integer batch = transactions.execute(status -> eraseBatch(now));
            if (batch == null || batch == 0) {
                return erased;
            }
            erased += batch;
        }
    }

    private int eraseBatch(Instant now) {
        List<NoticeLists.Expired> expired = lists.expired(now.minus(settings.retention()), BATCH);
        for (NoticeLists.Expired list : expired) {
            Optional<NoticeView.Counts> counts = lists.counts(list.obligation(), list.stage());
            if (counts.isEmpty()) {
                continue;
            }
            lists.erase(list.obligation(), list.stage(), counts.get(), now);
            NoticeView.Counts kept =
                    lists.counts(list.obligation(), list.stage()).orElseThrow();
            events.publishEvent(new NoticeChanged(
                    list.incident(),
                    NoticeChanged.of(list.obligation(), list.stage()),
                    ActorRef.SYSTEM,
                    now,
                    NoticeChanged.Verb.ERASED,
                    Optional.of(DataSubjectNotices.digest(counts.get())),
                    Optional.of(DataSubjectNotices.digest(kept))));
        }
        return expired.size();
    }
}
