package io.cairn.knowledge;

import io.cairn.incidents.IncidentDescribed;
import io.cairn.incidents.IncidentEvent;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentRecategorised;
import io.cairn.incidents.IncidentReported;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.SimilarIncident;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.ContentDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flags recurring incidents. A reported, redescribed or recategorised incident is queued in the same transaction,
 * and a pass that any node may run takes queued incidents ({@code SKIP LOCKED}) and stores the earlier incidents
 * that resemble each (same asset, or same category and similar text), so that reporting stays as fast as it was.
 * A saved review flags at once the incidents whose completed reviews found the same root cause within the window.
 */
@Component
class RecurrenceDetection {

    private static final List<String> SIMILARITY = List.of(SimilarIncident.SAME_ASSET, SimilarIncident.SIMILAR_TEXT);
    private static final int BATCH = 20;

    private final KnowledgeManagement knowledge;
    private final IncidentsForSystem incidents;
    private final Recurrences recurrences;
    private final Reviews reviews;
    private final KnowledgeSettings.Recurrence settings;
    private final TransactionTemplate transactions;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    RecurrenceDetection(
            KnowledgeManagement knowledge,
            IncidentsForSystem incidents,
            Recurrences recurrences,
            Reviews reviews,
            KnowledgeSettings.Recurrence settings,
            TransactionTemplate transactions,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.knowledge = knowledge;
        this.incidents = incidents;
        this.recurrences = recurrences;
        this.reviews = reviews;
        this.settings = settings;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Queues an incident whose report, text or category may make it resemble other incidents. */
    @EventListener({IncidentReported.class, IncidentDescribed.class, IncidentRecategorised.class})
    void queue(IncidentEvent event) {
        recurrences.queue(event.incident(), event.at());
    }

    /**
     * Checks the queued incidents, a batch per transaction, until none is left or the pass has used its share: at
     * most {@code cairn.recurrence.max-per-pass} incidents and {@code cairn.recurrence.pass-budget} of time (1 s of
     * every 10 s by default, whatever a check costs on this database). Under a flood of reports the checks lag behind
     * instead of taking the database from the reports and the people working on them (see BENCHMARKS.md).
     */
    @Scheduled(
            fixedDelayString = "${cairn.recurrence.detect-interval:PT10S}",
            initialDelayString = "${cairn.recurrence.detect-interval:PT10S}")
    void detectQueued() {
        long deadline = System.nanoTime() + settings.passBudget().toNanos();
        int checked = 0;
        int last;
        do {
            last = detectBatch();
            checked += last;
        } while (last == BATCH && checked < settings.maxPerPass() && System.nanoTime() < deadline);
    }

    /** Checks one batch of queued incidents; how many it checked. */
    int detectBatch() {
        Integer checked = transactions.execute(status -> {
            List<IncidentId> queued = recurrences.takeQueued(BATCH);
            // one read for the batch: incidents deleted meanwhile are absent and not checked
            incidents.incidents(queued).values().forEach(this::detectSimilar);
            return queued.size();
        });
        return checked == null ? 0 : checked;
    }

    private void detectSimilar(IncidentView incident) {
        List<Recurrences.Flag> flags = knowledge.candidates(incident, settings.limit()).stream()
                .filter(flag -> SIMILARITY.contains(flag.reason()))
                .toList();
        store(incident.id(), SIMILARITY, flags);
    }

    /** A saved review may make this and later incidents recur by root cause, or stop them from doing so. */
    @EventListener
    void reviewSaved(KnowledgeManagement.ReviewSaved saved) {
        Optional<IncidentView> incident = incidents.incident(saved.incident());
        if (incident.isEmpty()) {
            return;
        }
        List<String> rootCause = List.of(KnowledgeManagement.SAME_ROOT_CAUSE);
        store(
                saved.incident(),
                rootCause,
                knowledge.candidates(incident.get(), settings.limit()).stream()
                        .filter(flag -> rootCause.contains(flag.reason()))
                        .toList());
        recurrences.removeAsEarlier(saved.incident(), KnowledgeManagement.SAME_ROOT_CAUSE);
        reviews.find(saved.incident())
                .ifPresent(review -> review.foundRootCause()
                        .ifPresent(cause -> reviews
                                .completedWithRootCause(
                                        cause,
                                        review.reportedAt(),
                                        knowledge.windowEnd(review.reportedAt()),
                                        saved.incident())
                                .stream()
                                .filter(later -> later.reportedAt().isAfter(review.reportedAt()))
                                .forEach(later -> incidents
                                        .incident(later.incident())
                                        .ifPresent(view -> store(
                                                later.incident(),
                                                rootCause,
                                                knowledge.candidates(view, settings.limit()).stream()
                                                        .filter(flag -> rootCause.contains(flag.reason()))
                                                        .toList())))));
    }

    private void store(IncidentId id, List<String> reasons, List<Recurrences.Flag> flags) {
        Instant now = clock.instant();
        Recurrences.Replacement replaced = recurrences.replace(id, reasons, flags, now);
        if (replaced.changed()) {
            events.publishEvent(new RecurrenceDetected(
                    id,
                    RecurrenceDetected.DETECTION,
                    now,
                    Optional.of(digestOf(replaced.before())),
                    Optional.of(digestOf(replaced.after()))));
        }
    }

    private static String digestOf(List<String> keys) {
        return ContentDigest.of(keys.toString()).hex();
    }
}
