package io.cairn.handling.sla;

import io.cairn.handling.SlaBreachAcknowledged;
import io.cairn.handling.SlaConfigurationChanged;
import io.cairn.handling.SlaConfigurationChanged.Subject;
import io.cairn.handling.SlaConfigurationChanged.Verb;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.PriorityMatrix;
import io.cairn.incidents.Status;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of SLAs: business-hour calendars, SLA policies per priority, escalation levels (admins), the clocks
 * of an incident and acknowledging its breaches (handlers and coordinators), and scanning for what is due.
 *
 * <p>Reporters see none of it. Every change publishes an event that the audit trail records in the same transaction.
 */
@Service
public class SlaManagement {

    private static final Role[] READERS = {Role.HANDLER, Role.COORDINATOR, Role.AUDITOR, Role.PRIVACY_OFFICER,
        Role.ADMIN};

    private final SlaCalendars calendars;
    private final SlaPolicies policies;
    private final EscalationLevels levels;
    private final SlaClocks clocks;
    private final SlaClockKeeper keeper;
    private final SlaScanner scanner;
    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final SlaSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaManagement(SlaCalendars calendars, SlaPolicies policies, EscalationLevels levels, SlaClocks clocks,
            SlaClockKeeper keeper, SlaScanner scanner, IncidentManagement incidents, IdentityManagement identity,
            SlaSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.calendars = calendars;
        this.policies = policies;
        this.levels = levels;
        this.clocks = clocks;
        this.keeper = keeper;
        this.scanner = scanner;
        this.incidents = incidents;
        this.identity = identity;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    // --- calendars -----------------------------------------------------------------------------------------------

    /**
     * The stored business-hour calendars by name (staff who may read SLAs); the shipped one is named in the reader's
     * language while nobody renamed it.
     */
    @Transactional(readOnly = true)
    public Outcome<List<SlaCalendarView>> calendars() {
        return requireReader().map(actor -> calendars.all().stream().map(SlaCalendars.Stored::view)
                .map(ShippedCalendar::shown).toList());
    }

    @Transactional(readOnly = true)
    public Outcome<SlaCalendarView> calendar(SlaCalendarId id) {
        return requireReader().flatMap(actor -> calendars.find(id).map(SlaCalendars.Stored::view)
                .map(ShippedCalendar::shown)
                .<Outcome<SlaCalendarView>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("calendar " + id))));
    }

    /** Stores a new calendar (admin); overlapping hours are refused naming the day. */
    @Transactional
    public Outcome<SlaCalendarView> createCalendar(CalendarDefinition definition) {
        return requireAdmin("change calendars").flatMap(actor -> definition.parse().flatMap(parsed -> {
            if (calendars.findByName(parsed.name()).isPresent()) {
                return Outcome.refused(Refusal.conflict("name", "is already taken"));
            }
            SlaCalendarId id = SlaCalendarId.random();
            calendars.insert(id, parsed, clock.instant());
            SlaCalendarView view = calendars.find(id).orElseThrow().view();
            configured(Verb.CREATED, Subject.SLA_CALENDAR, id.toString(), actor, null, view);
            return Outcome.done(view);
        }));
    }

    /**
     * Replaces a calendar (admin). The open clocks that count on it are measured anew at once: the working time they
     * used stays as it was counted, and what is left counts on the new hours.
     */
    @Transactional
    public Outcome<SlaCalendarView> changeCalendar(SlaCalendarId id, CalendarDefinition submitted) {
        CalendarDefinition definition = calendars.find(id)
                .map(stored -> ShippedCalendar.asStored(id, submitted, stored.view().name())).orElse(submitted);
        return requireAdmin("change calendars").flatMap(actor -> definition.parse().flatMap(parsed -> {
            Optional<SlaCalendars.Stored> stored = calendars.find(id);
            if (stored.isEmpty()) {
                return Outcome.refused(Refusal.notFound("calendar " + id));
            }
            if (calendars.findByName(parsed.name()).filter(other -> !other.equals(id)).isPresent()) {
                return Outcome.refused(Refusal.conflict("name", "is already taken"));
            }
            long version = definition.version() == null ? stored.get().view().version() : definition.version();
            Instant now = clock.instant();
            if (!calendars.replace(id, parsed, version, now)) {
                return Outcome.refused(Refusal.stale(version, stored.get().view().version()));
            }
            keeper.applyCalendarChange(id, stored.get().calendar(), now);
            SlaCalendarView view = calendars.find(id).orElseThrow().view();
            configured(Verb.CHANGED, Subject.SLA_CALENDAR, id.toString(), actor, stored.get().view(), view);
            return Outcome.done(view);
        }));
    }

    /** Removes a calendar that no policy counts on (admin). */
    @Transactional
    public Outcome<SlaCalendarView> removeCalendar(SlaCalendarId id) {
        return requireAdmin("change calendars").flatMap(actor -> {
            Optional<SlaCalendars.Stored> stored = calendars.find(id);
            if (stored.isEmpty()) {
                return Outcome.refused(Refusal.notFound("calendar " + id));
            }
            if (policies.usesCalendar(id)) {
                return Outcome.refused(Refusal.conflict("an SLA policy counts on this calendar; give the policy "
                        + "another calendar first"));
            }
            calendars.delete(id);
            configured(Verb.REMOVED, Subject.SLA_CALENDAR, id.toString(), actor, stored.get().view(), null);
            return Outcome.done(stored.get().view());
        });
    }

    // --- policies ------------------------------------------------------------------------------------------------

    /** The SLA policies in priority order (staff who may read SLAs). */
    @Transactional(readOnly = true)
    public Outcome<List<SlaPolicyView>> policies() {
        return requireReader().map(actor -> policies.all().stream().map(this::view).toList());
    }

    /** The policy of one priority, named by its label such as {@code P1}. */
    @Transactional(readOnly = true)
    public Outcome<SlaPolicyView> policy(String priority) {
        return requireReader().flatMap(actor -> priorityLevel(priority)).flatMap(level -> policies.find(level)
                .map(this::view).<Outcome<SlaPolicyView>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("SLA policy for " + priority))));
    }

    /**
     * Sets the policy of a priority (admin). Open clocks of that priority are measured against it at once: the
     * working time they used is kept and their due instants are computed anew.
     */
    @Transactional
    public Outcome<SlaPolicyView> setPolicy(String priority, SlaPolicyDefinition definition) {
        Outcome<Actor> admin = requireAdmin("change SLA policies");
        if (admin instanceof Outcome.Refused<Actor> refused) {
            return Outcome.refused(refused.refusal());
        }
        Actor actor = ((Outcome.Done<Actor>) admin).value();
        return priorityLevel(priority).flatMap(level -> policyOf(level, definition)).flatMap(policy -> {
            Optional<SlaPolicy> before = policies.find(policy.priorityLevel());
            Instant now = clock.instant();
            if (!policies.save(policy, Optional.ofNullable(definition.version()), now)) {
                return Outcome.refused(Refusal.stale(definition.version() == null ? 0 : definition.version(),
                        before.map(SlaPolicy::version).orElse(0L)));
            }
            SlaPolicy after = policies.find(policy.priorityLevel()).orElseThrow();
            keeper.apply(after, now);
            configured(before.isEmpty() ? Verb.CREATED : Verb.CHANGED,
                    Subject.SLA_POLICY, String.valueOf(after.priorityLevel()), actor,
                    before.orElse(null), after);
            return Outcome.done(view(after));
        });
    }

    /** Removes the policy of a priority (admin): new incidents of that priority get no clocks. */
    @Transactional
    public Outcome<SlaPolicyView> removePolicy(String priority) {
        Outcome<Actor> admin = requireAdmin("change SLA policies");
        if (admin instanceof Outcome.Refused<Actor> refused) {
            return Outcome.refused(refused.refusal());
        }
        return priorityLevel(priority).flatMap(level -> {
            Optional<SlaPolicy> before = policies.find(level);
            if (before.isEmpty()) {
                return Outcome.refused(Refusal.notFound("SLA policy for " + priority));
            }
            policies.delete(level);
            configured(Verb.REMOVED, Subject.SLA_POLICY, String.valueOf(level),
                    ((Outcome.Done<Actor>) admin).value(), before.get(), null);
            return Outcome.done(view(before.get()));
        });
    }

    private Outcome<Integer> priorityLevel(@Nullable String priority) {
        PriorityMatrix matrix = incidents.priorityMatrix();
        Optional<Integer> level = priority == null ? Optional.empty() : matrix.priorityLevel(priority);
        return level.<Outcome<Integer>>map(Outcome::done).orElseGet(() -> Outcome.refused(Refusal.invalid("priority",
                "'" + priority + "' is not one of " + matrix.priorities())));
    }

    private Outcome<SlaPolicy> policyOf(int level, SlaPolicyDefinition definition) {
        Outcome<Duration> response = SlaDurations.parse("responseTarget", definition.responseTarget());
        Outcome<Duration> resolution = SlaDurations.parse("resolutionTarget", definition.resolutionTarget());
        if (response instanceof Outcome.Refused<Duration> refused) {
            return Outcome.refused(refused.refusal());
        }
        if (resolution instanceof Outcome.Refused<Duration> refused) {
            return Outcome.refused(refused.refusal());
        }
        Duration responseTarget = ((Outcome.Done<Duration>) response).value();
        Duration resolutionTarget = ((Outcome.Done<Duration>) resolution).value();
        if (resolutionTarget.compareTo(responseTarget) < 0) {
            return Outcome.refused(Refusal.invalid("resolutionTarget", "must not be shorter than the response "
                    + "target"));
        }
        int warning = definition.warningPercent() == null ? settings.defaultWarningPercent()
                : definition.warningPercent();
        if (warning < 1 || warning > 99) {
            return Outcome.refused(Refusal.invalid("warningPercent", "must be from 1 to 99"));
        }
        if (definition.calendar() != null && calendars.find(definition.calendar()).isEmpty()) {
            return Outcome.refused(Refusal.invalid("calendar", "calendar {0} does not exist",
                    definition.calendar().toString()));
        }
        if (definition.escalationLevel() != null && levels.find(definition.escalationLevel()).isEmpty()) {
            return Outcome.refused(Refusal.invalid("escalationLevel",
                    "escalation level {0} does not exist", definition.escalationLevel().toString()));
        }
        Set<Status> pause = EnumSet.noneOf(Status.class);
        List<String> given = definition.pauseStatuses() == null ? List.of() : definition.pauseStatuses();
        for (int i = 0; i < given.size(); i++) {
            Status status;
            try {
                status = Status.fromCode(String.valueOf(given.get(i)));
            } catch (IllegalArgumentException e) {
                return Outcome.refused(Refusal.invalid("pauseStatuses[" + i + "]", e.getMessage()));
            }
            if (status.isFinal() || status == Status.REVIEW) {
                return Outcome.refused(Refusal.invalid("pauseStatuses[" + i + "]",
                        "''{0}'' stops the clocks anyway; only statuses of an open incident can pause them",
                        status.code()));
            }
            pause.add(status);
        }
        return Outcome.done(new SlaPolicy(level, responseTarget, resolutionTarget, definition.calendar(), pause,
                warning, definition.escalationLevel(), 0));
    }

    private SlaPolicyView view(SlaPolicy policy) {
        return new SlaPolicyView(incidents.priorityMatrix().priorityLabel(policy.priorityLevel()),
                policy.priorityLevel(), policy.response().toString(), policy.resolution().toString(),
                policy.calendar(), policy.calendar() == null ? null
                        : calendars.find(policy.calendar()).map(stored -> stored.view().name()).orElse(null),
                policy.pauseStatuses().stream().sorted().map(Status::code).toList(), policy.warningPercent(),
                policy.escalationLevel(), policy.version());
    }

    // --- escalation levels ---------------------------------------------------------------------------------------

    /** The escalation levels by name (staff who may read SLAs). */
    @Transactional(readOnly = true)
    public Outcome<List<EscalationLevelView>> escalationLevels() {
        return requireReader().map(actor -> levels.all().stream().map(this::view).toList());
    }

    /** Adds an escalation level (admin). */
    @Transactional
    public Outcome<EscalationLevelView> createEscalationLevel(EscalationLevelDefinition definition) {
        return requireAdmin("change escalation levels").flatMap(actor -> levelOf(EscalationLevelId.random(),
                definition).flatMap(level -> {
                    if (levels.findByName(level.name()).isPresent()) {
                        return Outcome.refused(Refusal.conflict("name", "is already taken"));
                    }
                    levels.insert(level, clock.instant());
                    EscalationLevelView view = view(levels.find(level.id()).orElseThrow());
                    configured(Verb.CREATED, Subject.ESCALATION_LEVEL, level.id().toString(), actor, null, view);
                    return Outcome.done(view);
                }));
    }

    /** Changes an escalation level (admin); a change that would close a cycle of levels is refused. */
    @Transactional
    public Outcome<EscalationLevelView> changeEscalationLevel(EscalationLevelId id,
            EscalationLevelDefinition definition) {
        return requireAdmin("change escalation levels").flatMap(actor -> {
            Optional<EscalationLevels.Level> stored = levels.find(id);
            if (stored.isEmpty()) {
                return Outcome.refused(Refusal.notFound("escalation level " + id));
            }
            return levelOf(id, definition).flatMap(level -> {
                if (levels.findByName(level.name()).filter(other -> !other.equals(id)).isPresent()) {
                    return Outcome.refused(Refusal.conflict("name", "is already taken"));
                }
                Optional<Refusal> cycle = cycleThrough(level);
                if (cycle.isPresent()) {
                    return Outcome.refused(cycle.get());
                }
                long version = definition.version() == null ? stored.get().version() : definition.version();
                if (!levels.replace(level, version, clock.instant())) {
                    return Outcome.refused(Refusal.stale(version, stored.get().version()));
                }
                EscalationLevelView view = view(levels.find(id).orElseThrow());
                configured(Verb.CHANGED, Subject.ESCALATION_LEVEL, id.toString(), actor, view(stored.get()), view);
                return Outcome.done(view);
            });
        });
    }

    /** Removes an escalation level that no policy and no other level leads to (admin). */
    @Transactional
    public Outcome<EscalationLevelView> removeEscalationLevel(EscalationLevelId id) {
        return requireAdmin("change escalation levels").flatMap(actor -> {
            Optional<EscalationLevels.Level> stored = levels.find(id);
            if (stored.isEmpty()) {
                return Outcome.refused(Refusal.notFound("escalation level " + id));
            }
            if (policies.usesLevel(id) || levels.isNextOfAnother(id)) {
                return Outcome.refused(Refusal.conflict("an SLA policy or another escalation level leads to this "
                        + "level; point it elsewhere first"));
            }
            EscalationLevelView view = view(stored.get());
            levels.delete(id);
            configured(Verb.REMOVED, Subject.ESCALATION_LEVEL, id.toString(), actor, view, null);
            return Outcome.done(view);
        });
    }

    private Outcome<EscalationLevels.Level> levelOf(EscalationLevelId id, EscalationLevelDefinition definition) {
        if (definition.name() == null || definition.name().isBlank() || definition.name().trim().length() > 80) {
            return Outcome.refused(Refusal.invalid("name", "needs 1 to 80 characters"));
        }
        String kind = definition.notifyKind() == null ? "" : definition.notifyKind().trim().toLowerCase(Locale.ROOT);
        String target = definition.notifyTarget() == null ? "" : definition.notifyTarget().trim();
        if (!List.of("team", "role", "user").contains(kind)) {
            return Outcome.refused(Refusal.invalid("notifyKind", "must be team, role or user"));
        }
        Optional<String> stored = switch (kind) {
            case "team" -> teamOf(target).map(TeamId::toString);
            case "role" -> roleOf(target).map(role -> role.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            default -> identity.findUserByUsername(target).map(user -> user.username());
        };
        if (stored.isEmpty()) {
            return Outcome.refused(Refusal.invalid("notifyTarget", switch (kind) {
                case "team" -> "'" + target + "' is not a team (its id or name)";
                case "role" -> "'" + target + "' is not a role such as coordinator";
                default -> "'" + target + "' is not a user's login name";
            }));
        }
        Outcome<Duration> wait = SlaDurations.parse("waitFor", definition.waitFor());
        if (wait instanceof Outcome.Refused<Duration> refused) {
            return Outcome.refused(refused.refusal());
        }
        if (definition.next() != null && !definition.next().equals(id) && levels.find(definition.next()).isEmpty()) {
            return Outcome.refused(Refusal.invalid("next", "escalation level {0} does not exist",
                    definition.next().toString()));
        }
        return Outcome.done(new EscalationLevels.Level(id, definition.name().trim(), kind, stored.get(),
                ((Outcome.Done<Duration>) wait).value(), definition.next(), 0));
    }

    /** The cycle the changed level would close, named level by level, if it would close one. */
    private Optional<Refusal> cycleThrough(EscalationLevels.Level changed) {
        Map<EscalationLevelId, EscalationLevels.Level> all = new LinkedHashMap<>();
        levels.all().forEach(level -> all.put(level.id(), level));
        all.put(changed.id(), changed);
        List<String> path = new ArrayList<>(List.of(changed.name()));
        EscalationLevelId next = changed.next();
        for (int step = 0; next != null && step <= all.size(); step++) {
            EscalationLevels.Level level = all.get(next);
            if (level == null) {
                return Optional.empty();
            }
            path.add(level.name());
            if (level.id().equals(changed.id())) {
                return Optional.of(Refusal.invalid("next", "the escalation levels {0} would form a cycle",
                        String.join(" → ", path)));
            }
            next = level.next();
        }
        return Optional.empty();
    }

    private Optional<TeamId> teamOf(String target) {
        try {
            TeamId id = TeamId.valueOf(target);
            return identity.teamExists(id) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return identity.teams().stream().filter(team -> team.name().equalsIgnoreCase(target)).findFirst()
                    .map(team -> team.id());
        }
    }

    private static Optional<Role> roleOf(String target) {
        try {
            return Optional.of(Role.valueOf(target.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private EscalationLevelView view(EscalationLevels.Level level) {
        String name = switch (level.notifyKind()) {
            case "team" -> identity.team(TeamId.valueOf(level.notifyTarget())).map(team -> team.name())
                    .orElse(level.notifyTarget());
            case "user" -> identity.findUserByUsername(level.notifyTarget()).map(user -> user.displayName())
                    .orElse(level.notifyTarget());
            default -> level.notifyTarget();
        };
        return new EscalationLevelView(level.id(), level.name(), level.notifyKind(), level.notifyTarget(), name,
                level.waitFor().toString(), level.next(), level.version());
    }

    // --- clocks --------------------------------------------------------------------------------------------------

    /**
     * The SLA clocks of an incident the signed-in user may see, response first; reporters are refused. Empty when
     * no policy covers the incident's priority.
     */
    @Transactional
    public Outcome<List<SlaClockView>> clocks(IncidentId id) {
        return requireClockReader().flatMap(actor -> incidents.incident(id)
                .<Outcome<List<SlaClockView>>>map(incident -> Outcome.done(viewsOf(incident)))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("incident " + id))));
    }

    /**
     * Acknowledges the unacknowledged breaches of an incident: their escalation stops. For the owner, coordinators
     * and anyone a breach or escalation notified.
     */
    @Transactional
    public Outcome<List<SlaClockView>> acknowledgeBreaches(IncidentId id) {
        return requireClockReader().flatMap(actor -> {
            Optional<IncidentView> incident = incidents.incident(id);
            if (incident.isEmpty()) {
                return Outcome.refused(Refusal.notFound("incident " + id));
            }
            List<SlaClock> locked = clocks.lock(id).stream()
                    .filter(c -> c.breachedAt() != null && c.acknowledgedAt() == null).toList();
            if (locked.isEmpty()) {
                return refusedUnread(Refusal.conflict("the incident has no breach waiting for an acknowledgement"));
            }
            boolean mayAcknowledge = actor.has(Role.COORDINATOR) || actor.id().equals(incident.get().owner())
                    || locked.stream().anyMatch(c -> c.notified().contains(actor.id()));
            if (!mayAcknowledge) {
                return refusedUnread(Refusal.forbidden("only the owner, a coordinator or someone the breach was "
                        + "sent to may acknowledge it"));
            }
            Instant now = clock.instant();
            for (SlaClock breached : locked) {
                breached.acknowledge(now, actor.username());
                clocks.update(breached);
            }
            events.publishEvent(new SlaBreachAcknowledged(id, locked.stream().map(SlaClock::kind).toList(),
                    actor.ref(), now));
            return Outcome.done(viewsOf(incident.get()));
        });
    }

    /**
     * A refusal that leaves no trace: the transaction rolls back, and with it the audited read of a confidential
     * incident that the refused caller never got to see.
     */
    private static <T> Outcome<T> refusedUnread(Refusal refusal) {
        org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
                .setRollbackOnly();
        return Outcome.refused(refusal);
    }

    private List<SlaClockView> viewsOf(IncidentView incident) {
        Instant now = clock.instant();
        PriorityMatrix matrix = incidents.priorityMatrix();
        return clocks.of(incident.id()).stream().map(c -> {
            BusinessCalendar calendar = calendars.calendarOf(c.calendar());
            String calendarName = c.calendar() == null ? null
                    : calendars.find(c.calendar()).map(stored -> ShippedCalendar.shown(stored.view()).name())
                            .orElse(null);
            String level = c.escalationLevel() == null ? null
                    : levels.find(c.escalationLevel()).map(EscalationLevels.Level::name).orElse(null);
            return new SlaClockView(c.kind(), c.state().name().toLowerCase(Locale.ROOT), standing(c, now),
                    matrix.priorityLabel(c.priorityLevel()), c.target().toString(),
                    c.consumed(now, calendar).withNanos(0).toString(), c.remaining(now, calendar).withNanos(0)
                            .toString(), calendarName, c.startedAt(), c.dueAt(), c.warnAt(), c.warnedAt(),
                    c.breachedAt(), c.metAt(), level, c.escalations(), c.acknowledgedAt(), c.acknowledgedBy());
        }).toList();
    }

    private static String standing(SlaClock c, Instant now) {
        if (c.state() == SlaClock.State.MET) {
            return "met";
        }
        if (c.breachedAt() != null || c.dueAt() != null && !c.dueAt().isAfter(now)) {
            return "breached";
        }
        if (c.state() == SlaClock.State.PAUSED) {
            return "paused";
        }
        if (c.warnedAt() != null || c.warnAt() != null && !c.warnAt().isAfter(now)) {
            return "warning";
        }
        return "on-track";
    }

    // --- scanning ------------------------------------------------------------------------------------------------

    /**
     * Handles every warning, breach and escalation due at {@code now}, as the scheduled scanner does; for schedulers
     * and tests, which pass the moment they want.
     */
    public SlaScanReport scan(Instant now) {
        return scanner.scan(now);
    }

    /** Runs one scan now (admin), and says what it handled and how long it took. */
    public Outcome<SlaScanReport> scanNow() {
        return requireAdmin("run the SLA scan").map(actor -> scanner.scan(clock.instant()));
    }

    // --- rights and audit ----------------------------------------------------------------------------------------

    private Outcome<Actor> requireAdmin(String what) {
        Actor actor = identity.requireActor();
        return actor.has(Role.ADMIN) ? Outcome.done(actor)
                : Outcome.refused(Refusal.forbidden("you need the role admin to " + what));
    }

    private Outcome<Actor> requireReader() {
        Actor actor = identity.requireActor();
        return actor.hasAny(READERS) ? Outcome.done(actor)
                : Outcome.refused(Refusal.forbidden("you need the role handler, coordinator, auditor or admin to "
                        + "read SLA settings"));
    }

    private Outcome<Actor> requireClockReader() {
        Actor actor = identity.requireActor();
        return actor.hasAny(Role.HANDLER, Role.COORDINATOR, Role.AUDITOR, Role.PRIVACY_OFFICER) ? Outcome.done(actor)
                : Outcome.refused(Refusal.forbidden("you need the role handler, coordinator or auditor to read SLA "
                        + "clocks"));
    }

    private void configured(Verb verb, Subject type, String id, Actor actor, @Nullable Object before,
            @Nullable Object after) {
        events.publishEvent(new SlaConfigurationChanged(verb, type, id, actor.ref(), clock.instant(),
                Optional.ofNullable(before).map(state -> ContentDigest.of(state.toString()).hex()),
                Optional.ofNullable(after).map(state -> ContentDigest.of(state.toString()).hex())));
    }
}
