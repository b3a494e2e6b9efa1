package io.cairn.compliance;

import io.cairn.identity.Role;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.ActorRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the stages of obligations with a warning or an overdue notice due, records each once and tells the people it
 * concerns. Stages are claimed in batches by their next notice ({@code FOR UPDATE SKIP LOCKED}, on an index), each batch
 * in its own transaction with the audit records and the notifications; a notice told is kept under a unique key, so
 * several nodes, or a restart, never tell one twice. When several thresholds passed while no scan ran, only the latest
 * is told.
 */
@Component
class ObligationScanner {

    private static final int BATCH = 100;
    private static final int MAX_BATCHES = 1_000;

    private final Obligations obligations;
    private final ObligationNotices notices;
    private final LegalEntities entities;
    private final IncidentsForSystem incidents;
    private final UsersForSystem users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ObligationScanner(
            Obligations obligations,
            ObligationNotices notices,
            LegalEntities entities,
            IncidentsForSystem incidents,
            UsersForSystem users,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.obligations = obligations;
        this.notices = notices;
        this.entities = entities;
        this.incidents = incidents;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${cairn.compliance.scan-delay:PT30S}",
            fixedDelayString = "${cairn.compliance.scan-interval:PT1M}")
    void scheduled() {
        scan(clock.instant());
    }

    /** Tells every notice due at {@code now}; the number of notices told. */
    int scan(Instant now) {
        int told = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Integer[] counts = transactions.execute(status -> batch(now));
            if (counts == null || counts[0] == 0) {
                break;
            }
            told += counts[1];
        }
        return told;
    }

    /** One batch: the number of stages claimed and the number of notices told. */
    private Integer[] batch(Instant now) {
        List<ObligationNotices.Due> due = notices.claim(now, BATCH);
        int told = 0;
        for (ObligationNotices.Due claimed : due) {
            told += scanStage(claimed, now) ? 1 : 0;
        }
        return new Integer[] {due.size(), told};
    }

    private boolean scanStage(ObligationNotices.Due claimed, Instant now) {
        Optional<Obligations.Stored> stored = obligations.find(claimed.obligation());
        Optional<Regime.Stage> stage = stored.flatMap(found -> found.rules().stage(claimed.stage()));
        StageState state =
                stored.map(found -> found.stages().get(claimed.stage())).orElse(null);
        if (stage.isEmpty() || state == null || state.dueAt() == null) {
            notices.advance(claimed, null);
            return false;
        }
        Instant due = state.dueAt();
        List<Instant> warnings = StageStatus.warnings(state, stage.get());
        List<Instant> passed =
                new ArrayList<>(warnings.stream().filter(at -> !at.isAfter(now)).toList());
        boolean overdue = now.isAfter(due);
        if (overdue) {
            passed.add(due);
        }
        boolean fresh = false;
        for (Instant at : passed) {
            fresh = notices.record(claimed, due, at, overdue && at.equals(due), now);
        }
        Instant next =
                warnings.stream().filter(at -> at.isAfter(now)).findFirst().orElse(overdue ? null : due);
        notices.advance(claimed, next);
        if (!fresh) {
            return false;
        }
        tell(stored.get(), stage.get(), due, overdue, now);
        return true;
    }

    private void tell(Obligations.Stored obligation, Regime.Stage stage, Instant due, boolean overdue, Instant now) {
        Optional<IncidentView> incident = incidents.incident(obligation.incident());
        Set<UserId> told = new LinkedHashSet<>();
        Optional<UserId> officer = entities.find(obligation.legalEntity())
                .map(entity -> entity.profile().privacyOfficer());
        if (obligation.rules().id().value().startsWith("gdpr") && officer.isPresent()) {
            told.add(officer.get());
        } else {
            incident.map(IncidentView::owner).ifPresent(told::add);
        }
        users.usersWithRole(Role.COORDINATOR).stream().map(UserView::id).forEach(told::add);
        events.publishEvent(new ObligationWarned(
                obligation.id(),
                obligation.incident(),
                incident.map(IncidentView::reference)
                        .orElse(obligation.incident().toString()),
                incident.map(IncidentView::title).orElse(""),
                stage.id(),
                stage.name(),
                due,
                overdue ? ObligationWarned.Verb.OVERDUE : ObligationWarned.Verb.WARNED,
                List.copyOf(told),
                ActorRef.SYSTEM,
                now));
    }
}
