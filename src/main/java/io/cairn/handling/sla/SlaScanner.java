package io.cairn.handling.sla;

import io.cairn.handling.SlaBreached;
import io.cairn.handling.SlaEscalated;
import io.cairn.handling.SlaWarned;
import io.cairn.identity.Role;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.ActorRef;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the SLA clocks with a warning, a breach or an escalation due, records each once and tells the people it
 * concerns. Clocks are claimed in batches with {@code FOR UPDATE SKIP LOCKED}, each batch in its own transaction that
 * also writes the audit records and queues the notifications, so several nodes scan at once without telling anyone
 * twice.
 *
 * <p>A warning goes to the owner (to the coordinators while nobody owns the incident); a breach to the owner and the
 * coordinators, where coordinators are the coordinators in the incident's team, or every coordinator when the team
 * has none; an escalation to the people of its level.
 */
@Component
class SlaScanner {

    private static final Logger log = LoggerFactory.getLogger(SlaScanner.class);

    /** The most batches one scan handles, so that one node never scans forever. */
    private static final int MAX_BATCHES = 1_000;

    private final SlaClocks clocks;
    private final SlaPolicies policies;
    private final EscalationLevels levels;
    private final IncidentsForSystem incidents;
    private final UsersForSystem users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final SlaSettings settings;
    private final Clock clock;

    SlaScanner(
            SlaClocks clocks,
            SlaPolicies policies,
            EscalationLevels levels,
            IncidentsForSystem incidents,
            UsersForSystem users,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            SlaSettings settings,
            Clock clock) {
        this.clocks = clocks;
        this.policies = policies;
        this.levels = levels;
        this.incidents = incidents;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${cairn.sla.scan-interval:PT30S}",
            initialDelayString = "${cairn.sla.scan-interval:PT30S}")
    void scheduledScan() {
        if (!settings.scannerEnabled()) {
            return;
        }
        SlaScanReport report = scan(clock.instant());
        if (report.warnings() + report.breaches() + report.escalations() > 0) {
            log.info(
                    "SLA scan: {} warnings, {} breaches, {} escalations in {} ms",
                    report.warnings(),
                    report.breaches(),
                    report.escalations(),
                    report.millis());
        }
    }

    /** Handles everything due at {@code now}. */
    SlaScanReport scan(Instant now) {
        long started = System.nanoTime();
        int[] counts = new int[3];
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Integer claimed = transactions.execute(status -> batch(now, counts));
            if (claimed == null || claimed < settings.scanBatchSize()) {
                break;
            }
        }
        return new SlaScanReport(counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
    }

    private int batch(Instant now, int[] counts) {
        List<SlaClock> due = clocks.claimDue(now, settings.scanBatchSize());
        Map<Role, List<UserView>> roles = new EnumMap<>(Role.class);
        Map<IncidentId, IncidentView> read =
                incidents.incidents(due.stream().map(SlaClock::incident).collect(java.util.stream.Collectors.toSet()));
        for (SlaClock slaClock : due) {
            Optional<IncidentView> incident = Optional.ofNullable(read.get(slaClock.incident()));
            if (incident.isEmpty()) {
                slaClock.meet(now, SlaCalendars.AROUND_THE_CLOCK);
            } else if (slaClock.escalationDue(now)) {
                escalate(slaClock, incident.get(), now, roles);
                counts[2]++;
            } else if (slaClock.breachDue(now)) {
                breach(slaClock, incident.get(), now, roles);
                counts[1]++;
            } else if (slaClock.warningDue(now)) {
                warn(slaClock, incident.get(), now, roles);
                counts[0]++;
            }
            clocks.update(slaClock);
        }
        return due.size();
    }

    private void warn(SlaClock slaClock, IncidentView incident, Instant now, Map<Role, List<UserView>> roles) {
        Set<UserId> told = new LinkedHashSet<>();
        if (incident.owner() != null) {
            told.add(incident.owner());
        } else {
            told.addAll(coordinators(incident, roles));
        }
        slaClock.warn(now);
        events.publishEvent(new SlaWarned(
                incident.id(),
                incident.reference(),
                incident.title(),
                slaClock.kind(),
                ActorRef.SYSTEM,
                now,
                java.util.Objects.requireNonNull(slaClock.dueAt()),
                (int) (slaClock.warnAfter().toMillis()
                        * 100
                        / Math.max(1, slaClock.target().toMillis())),
                List.copyOf(told)));
    }

    private void breach(SlaClock slaClock, IncidentView incident, Instant now, Map<Role, List<UserView>> roles) {
        Set<UserId> told = new LinkedHashSet<>();
        if (incident.owner() != null) {
            told.add(incident.owner());
        }
        told.addAll(coordinators(incident, roles));
        Optional<EscalationLevels.Level> first = policies.find(slaClock.priorityLevel())
                .map(SlaPolicy::escalationLevel)
                .flatMap(levels::find);
        Instant dueAt = java.util.Objects.requireNonNull(slaClock.dueAt());
        slaClock.breach(
                now,
                first.map(EscalationLevels.Level::id).orElse(null),
                first.map(EscalationLevels.Level::waitFor).orElse(null),
                told);
        events.publishEvent(new SlaBreached(
                incident.id(),
                incident.reference(),
                incident.title(),
                slaClock.kind(),
                ActorRef.SYSTEM,
                now,
                dueAt,
                first.map(EscalationLevels.Level::name).orElse(null),
                List.copyOf(told)));
    }

    private void escalate(SlaClock slaClock, IncidentView incident, Instant now, Map<Role, List<UserView>> roles) {
        Optional<EscalationLevels.Level> level =
                Optional.ofNullable(slaClock.breach().escalationLevel()).flatMap(levels::find);
        if (level.isEmpty()) {
            slaClock.escalate(now, null, null, Set.of());
            return;
        }
        Set<UserId> told = new LinkedHashSet<>(peopleOf(level.get(), roles));
        Optional<EscalationLevels.Level> next =
                Optional.ofNullable(level.get().next()).flatMap(levels::find);
        slaClock.escalate(
                now,
                next.map(EscalationLevels.Level::id).orElse(null),
                next.map(EscalationLevels.Level::waitFor).orElse(null),
                told);
        events.publishEvent(new SlaEscalated(
                incident.id(),
                incident.reference(),
                incident.title(),
                slaClock.kind(),
                ActorRef.SYSTEM,
                now,
                level.get().name(),
                List.copyOf(told)));
    }

    /** The coordinators in the incident's team, or every coordinator when the team has none (or there is none). */
    private List<UserId> coordinators(IncidentView incident, Map<Role, List<UserView>> roles) {
        List<UserView> all = roles.computeIfAbsent(Role.COORDINATOR, users::usersWithRole);
        io.cairn.identity.@Nullable TeamId team = incident.team();
        List<UserView> ofTeam = team == null
                ? List.of()
                : all.stream().filter(u -> u.teams().contains(team)).toList();
        return (ofTeam.isEmpty() ? all : ofTeam).stream().map(UserView::id).toList();
    }

    /** The enabled people an escalation level notifies. */
    private List<UserId> peopleOf(EscalationLevels.Level level, Map<Role, List<UserView>> roles) {
        List<UserView> people = switch (level.notifyKind()) {
            case "team" -> users.members(new io.cairn.identity.TeamId(java.util.UUID.fromString(level.notifyTarget())));
            case "role" ->
                roles.computeIfAbsent(
                        Role.valueOf(
                                level.notifyTarget().toUpperCase(Locale.ROOT).replace('-', '_')),
                        users::usersWithRole);
            default -> users.userNamed(level.notifyTarget()).stream().toList();
        };
        return people.stream().filter(UserView::enabled).map(UserView::id).toList();
    }
}
