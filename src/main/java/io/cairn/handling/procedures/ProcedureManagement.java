package io.cairn.handling.procedures;

import io.cairn.handling.PlaybookChanged;
import io.cairn.handling.TaskChanged;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TeamView;
import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The procedures part of the handling module: playbooks whose steps become tasks of an incident when it enters
 * analysis, and tasks for other teams that show those teams only the incident fields a handler chose to share.
 *
 * <p>Admins edit playbooks; handlers and coordinators work on the tasks of incidents they may handle; a
 * task's team (resolvers, and handlers in it) sees and completes its own tasks and nothing else of the incident.
 */
@Service
public class ProcedureManagement {

    /** Keys of playbooks and report templates: lower case, digits and dashes. */
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    /** The longest due offset a step may have. */
    static final Duration LONGEST_DUE = Duration.ofDays(365);

    /** The incident fields a team sees of a playbook task, which no handler chose: enough to know what it is about. */
    static final List<SharedField> PLAYBOOK_SHARES = List.of(SharedField.REFERENCE, SharedField.CATEGORY,
            SharedField.PRIORITY);

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");
    private static final String NOT_A_CATEGORY = "''{0}'' is not an RSIT class or class/type";
    private static final String NOT_A_TEMPLATE_KEY =
            "''{0}'' is not a report template key (lower-case letters, digits and dashes)";
    private static final int MAX_TASKS_LISTED = 500;

    private final Playbooks playbooks;
    private final Tasks tasks;
    private final IncidentManagement incidents;
    private final IncidentsForSystem system;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProcedureManagement(Playbooks playbooks, Tasks tasks, IncidentManagement incidents,
            IncidentsForSystem system, IdentityManagement identity, ApplicationEventPublisher events, Clock clock) {
        this.playbooks = playbooks;
        this.tasks = tasks;
        this.incidents = incidents;
        this.system = system;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    // --- playbooks -----------------------------------------------------------------------------------------------

    /**
     * All playbooks, retired ones last; for admins, handlers and coordinators. The shipped texts are in the reader's
     * language (see {@link ShippedTexts}).
     */
    @Transactional(readOnly = true)
    public Outcome<List<Playbook>> playbooks() {
        return requireAny("read playbooks", Role.ADMIN, Role.HANDLER, Role.COORDINATOR)
                .<Outcome<List<Playbook>>>map(Outcome::refused).orElseGet(() -> Outcome.done(playbooks.all().stream()
                        .map(ShippedTexts::shown).toList()));
    }

    @Transactional(readOnly = true)
    public Outcome<Playbook> playbook(UUID id) {
        return requireAny("read playbooks", Role.ADMIN, Role.HANDLER, Role.COORDINATOR)
                .<Outcome<Playbook>>map(Outcome::refused)
                .orElseGet(() -> playbooks.byId(id).map(ShippedTexts::shown).map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(Refusal.notFound("playbook " + id))));
    }

    /** Adds a playbook (admin only); every problem is refused before anything is stored. */
    @Transactional
    public Outcome<Playbook> addPlaybook(PlaybookDefinition definition) {
        Optional<Refusal> refusal = requireAny("add playbooks", Role.ADMIN)
                .or(() -> playbooks.exists(definition.key())
                        ? Optional.of(Refusal.conflict("key",
                                "a playbook with the key ''{0}'' exists already", definition.key()))
                        : Optional.empty());
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Outcome<PlaybookDefinition> valid = validate(definition, null, true);
        if (valid instanceof Outcome.Refused<PlaybookDefinition> refused) {
            return Outcome.refused(refused.refusal());
        }
        PlaybookDefinition stored = ((Outcome.Done<PlaybookDefinition>) valid).value();
        UUID id = UUID.randomUUID();
        Actor actor = identity.requireActor();
        Instant now = clock.instant();
        playbooks.add(id, stored, actor.username(), now);
        events.publishEvent(new PlaybookChanged(stored.key(), actor.ref(), now, PlaybookChanged.Verb.ADDED,
                Optional.empty(), Optional.of(ContentDigest.of(Playbooks.document(stored)).hex())));
        return Outcome.done(playbooks.byId(id).orElseThrow());
    }

    /** Replaces what a playbook says (admin only); incidents that already follow it keep their tasks. */
    @Transactional
    public Outcome<Playbook> revisePlaybook(UUID id, PlaybookDefinition definition, long version) {
        Optional<Refusal> refusal = requireAny("change playbooks", Role.ADMIN);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Optional<Playbook> found = playbooks.byId(id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("playbook " + id));
        }
        PlaybookDefinition asStored = ShippedTexts.asStored(definition, found.get().definition());
        PlaybookDefinition keyed = new PlaybookDefinition(found.get().definition().key(), asStored.name(),
                asStored.description(), asStored.categories(), asStored.template(), asStored.steps());
        Outcome<PlaybookDefinition> valid = validate(keyed, id, !found.get().retired());
        if (valid instanceof Outcome.Refused<PlaybookDefinition> refused) {
            return Outcome.refused(refused.refusal());
        }
        PlaybookDefinition stored = ((Outcome.Done<PlaybookDefinition>) valid).value();
        Actor actor = identity.requireActor();
        Instant now = clock.instant();
        if (!playbooks.revise(id, stored, version, actor.username(), now)) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        events.publishEvent(new PlaybookChanged(stored.key(), actor.ref(), now, PlaybookChanged.Verb.REVISED,
                Optional.of(ContentDigest.of(Playbooks.document(found.get().definition())).hex()),
                Optional.of(ContentDigest.of(Playbooks.document(stored)).hex())));
        return Outcome.done(playbooks.byId(id).orElseThrow());
    }

    /** Retires a playbook so that it starts on no more incidents, or restores it (admin only). */
    @Transactional
    public Outcome<Playbook> retirePlaybook(UUID id, boolean retired, long version) {
        Optional<Refusal> refusal = requireAny("retire playbooks", Role.ADMIN);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Optional<Playbook> found = playbooks.byId(id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("playbook " + id));
        }
        if (!retired) {
            Optional<Refusal> overlap = overlap(found.get().definition(), id);
            if (overlap.isPresent()) {
                return Outcome.refused(overlap.get());
            }
        }
        Actor actor = identity.requireActor();
        Instant now = clock.instant();
        if (!playbooks.retire(id, retired, version, actor.username(), now)) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        String digest = ContentDigest.of(Playbooks.document(found.get().definition())).hex();
        events.publishEvent(new PlaybookChanged(found.get().definition().key(), actor.ref(), now,
                retired ? PlaybookChanged.Verb.RETIRED : PlaybookChanged.Verb.RESTORED,
                Optional.of(digest), Optional.of(digest)));
        return Outcome.done(playbooks.byId(id).orElseThrow());
    }

    /**
     * Checks a definition and resolves team names to ids. Each problem names the field, such as
     * {@code steps[2].team}, and the step.
     *
     * @param self the playbook being revised, which may overlap itself
     * @param active whether the playbook will start on incidents, so must not overlap another active one
     */
    Outcome<PlaybookDefinition> validate(PlaybookDefinition definition, @Nullable UUID self, boolean active) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        if (!KEY.matcher(definition.key()).matches()) {
            problems.add(new Refusal.FieldProblem("key", "must be 1 to 60 lower-case letters, digits and dashes"));
        }
        if (definition.name().isEmpty() || definition.name().length() > 200) {
            problems.add(new Refusal.FieldProblem("name", "must be 1 to 200 characters"));
        }
        if (definition.description().length() > 5000) {
            problems.add(new Refusal.FieldProblem("description", "must be at most 5000 characters"));
        }
        if (definition.categories().isEmpty()) {
            problems.add(new Refusal.FieldProblem("categories", "name at least one RSIT category"));
        }
        for (int i = 0; i < definition.categories().size(); i++) {
            CategoryMatch category = definition.categories().get(i);
            if (!knownCategory(category)) {
                problems.add(Refusal.FieldProblem.of("categories[" + i + "]", NOT_A_CATEGORY, category.toString()));
            }
        }
        if (definition.template() != null && !KEY.matcher(definition.template()).matches()) {
            problems.add(Refusal.FieldProblem.of("template", NOT_A_TEMPLATE_KEY, definition.template()));
        }
        if (definition.steps().isEmpty()) {
            problems.add(new Refusal.FieldProblem("steps", "a playbook needs at least one step"));
        }
        Map<String, TeamId> teams = teamsByNameAndId();
        List<PlaybookStep> resolved = new ArrayList<>();
        for (int i = 0; i < definition.steps().size(); i++) {
            PlaybookStep step = definition.steps().get(i);
            String field = "steps[" + i + "]";
            String named = step.title().isEmpty() ? String.valueOf(i + 1) : "'" + step.title() + "'";
            if (step.phase() == null || !PlaybookStep.PHASES.contains(step.phase())) {
                problems.add(Refusal.FieldProblem.of(field + ".phase", "step {0} must belong to analysis, "
                        + "containment, eradication, recovery or review", named));
            }
            if (step.title().isEmpty() || step.title().length() > 200) {
                problems.add(Refusal.FieldProblem.of(field + ".title", "step {0} needs a title of 1 to 200 "
                        + "characters", named));
            }
            if (step.description() != null && step.description().length() > 5000) {
                problems.add(Refusal.FieldProblem.of(field + ".description", "step {0}: the description must be "
                        + "at most 5000 characters", named));
            }
            for (String article : step.articles()) {
                if (!SLUG.matcher(article).matches() && !(PlaybookStep.isAddress(article) && article.length() <= 500
                        && !article.contains(" "))) {
                    problems.add(Refusal.FieldProblem.of(field + ".articles",
                            "step {0}: ''{1}'' is neither a knowledge article slug nor a web address", named, article));
                }
            }
            Optional<Duration> due = step.dueOffset();
            if (due.isEmpty()) {
                problems.add(Refusal.FieldProblem.of(field + ".due",
                        "step {0}: ''{1}'' is not a duration such as PT4H or P2D", named, String.valueOf(step.due())));
            } else if (due.get().isNegative()) {
                problems.add(Refusal.FieldProblem.of(field + ".due", "step {0}: the due offset {1} is negative; it "
                        + "counts from the start of the phase", named, String.valueOf(step.due())));
            } else if (due.get().compareTo(LONGEST_DUE) > 0) {
                problems.add(Refusal.FieldProblem.of(field + ".due", "step {0}: the due offset may be at most "
                        + "365 days", named));
            }
            TeamId team = null;
            if (step.team() != null) {
                team = teams.get(step.team().toLowerCase(java.util.Locale.ROOT));
                if (team == null) {
                    problems.add(Refusal.FieldProblem.of(field + ".team",
                            "step {0} is assigned to team ''{1}'', which does not exist", named, step.team()));
                }
            }
            resolved.add(step.withTeam(team == null ? step.team() : team.toString()));
        }
        if (problems.isEmpty() && active) {
            overlap(definition, self).map(Refusal::fields).ifPresent(problems::addAll);
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(new Refusal(Refusal.Kind.INVALID, problems.stream()
                    .map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")), problems));
        }
        return Outcome.done(definition.withSteps(resolved));
    }

    /** Another active playbook for the same category and template, which would make the choice ambiguous. */
    private Optional<Refusal> overlap(PlaybookDefinition definition, @Nullable UUID self) {
        for (Playbook other : playbooks.all()) {
            if (other.retired() || other.id().equals(self)
                    || !java.util.Objects.equals(other.definition().template(), definition.template())) {
                continue;
            }
            for (CategoryMatch mine : definition.categories()) {
                for (CategoryMatch theirs : other.definition().categories()) {
                    if (mine.equals(theirs)) {
                        return Optional.of(Refusal.conflict("categories", "''{0}'' already has the playbook ''{1}''; "
                                + "retire it or change its categories first", mine.toString(),
                                other.definition().name()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean knownCategory(CategoryMatch match) {
        return incidents.categories().stream().anyMatch(choice -> choice.category().rsitClass()
                .equals(match.rsitClass()) && (match.rsitType() == null
                        || choice.category().rsitType().equals(match.rsitType())));
    }

    private Map<String, TeamId> teamsByNameAndId() {
        Map<String, TeamId> teams = new LinkedHashMap<>();
        for (TeamView team : identity.teams()) {
            teams.put(team.name().toLowerCase(java.util.Locale.ROOT), team.id());
            teams.put(team.id().toString(), team.id());
        }
        return teams;
    }

    /**
     * The playbook an incident follows: one for its template and category first, then one for its exact RSIT type,
     * then one for its class.
     */
    Optional<Playbook> playbookFor(Category category, @Nullable String template) {
        Playbook best = null;
        int bestScore = 0;
        for (Playbook candidate : playbooks.all()) {
            if (candidate.retired()) {
                continue;
            }
            PlaybookDefinition definition = candidate.definition();
            if (definition.template() != null && !definition.template().equals(template)) {
                continue;
            }
            for (CategoryMatch match : definition.categories()) {
                if (match.matches(category)) {
                    int score = (definition.template() != null ? 4 : 0) + (match.rsitType() != null ? 2 : 1);
                    if (score > bestScore) {
                        best = candidate;
                        bestScore = score;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    // --- tasks of an incident, for its handlers -----------------------------------------------------------------

    /**
     * The tasks of an incident, in playbook order, for those who may handle it. Not read-only: reading a confidential
     * incident is audited.
     */
    @Transactional
    public Outcome<List<TaskView>> tasksOf(IncidentId incident) {
        return handled(incident).map(view -> tasks.ofIncident(incident).stream().map(ShippedTexts::shown).toList());
    }

    /** The playbook an incident follows, if any, for those who may handle it. */
    @Transactional
    public Optional<Playbook> playbookOf(IncidentId incident) {
        return handled(incident) instanceof Outcome.Done<IncidentView>
                ? playbooks.runOf(incident.value()).flatMap(playbooks::byId).map(ShippedTexts::shown)
                : Optional.empty();
    }

    /** Gives a team a task for an incident, sharing only the fields chosen; for those who may handle it. */
    @Transactional
    public Outcome<TaskView> addTask(IncidentId incident, NewTask task) {
        Outcome<IncidentView> handled = handled(incident);
        if (handled instanceof Outcome.Refused<IncidentView> refused) {
            return Outcome.refused(refused.refusal());
        }
        if (task.title() == null || task.title().isBlank() || task.title().length() > 200) {
            return Outcome.refused(Refusal.invalid("title", "must be 1 to 200 characters"));
        }
        if (task.description().length() > 5000) {
            return Outcome.refused(Refusal.invalid("description", "must be at most 5000 characters"));
        }
        if (task.team() == null || !identity.teamExists(task.team())) {
            return Outcome.refused(Refusal.invalid("team", "team " + task.team() + " does not exist"));
        }
        Instant now = clock.instant();
        if (task.dueAt() != null && task.dueAt().isBefore(now.minus(Duration.ofMinutes(5)))) {
            return Outcome.refused(Refusal.invalid("dueAt", "lies in the past"));
        }
        Actor actor = identity.requireActor();
        TaskView created = new TaskView(UUID.randomUUID(), incident, null, null, tasks.nextPosition(incident) + 1000,
                task.title().trim(), task.description(), List.of(), Boolean.TRUE.equals(task.mandatory()), task.team(), null, task.dueAt(),
                task.shared(), TaskState.OPEN, null, null, null, now, actor.username(), 0);
        tasks.add(created);
        TaskView stored = tasks.byId(created.id()).orElseThrow();
        events.publishEvent(new TaskChanged(stored.id(), incident, actor.ref(), now, TaskChanged.Verb.CREATED,
                Optional.empty(), Optional.of(digest(stored))));
        return Outcome.done(stored);
    }

    /** Skips an optional task with a reason; for those who may handle its incident. */
    @Transactional
    public Outcome<TaskView> skip(UUID id, String reason, long version) {
        Optional<TaskView> found = tasks.byId(id);
        if (found.isEmpty() || !(handled(found.get().incident()) instanceof Outcome.Done<IncidentView>)) {
            return Outcome.refused(Refusal.notFound("task " + id));
        }
        TaskView task = found.get();
        if (task.mandatory()) {
            return Outcome.refused(Refusal.conflict("'" + task.title() + "' is mandatory and cannot be skipped"));
        }
        if (reason == null || reason.isBlank()) {
            return Outcome.refused(Refusal.invalid("reason", "skipping a step needs a reason"));
        }
        if (!task.isOpen()) {
            return Outcome.refused(Refusal.conflict("'" + task.title() + "' is not open"));
        }
        return close(task, TaskState.SKIPPED, reason.trim(), version, TaskChanged.Verb.SKIPPED);
    }

    /** Opens a done or skipped task again; for those who may handle its incident. */
    @Transactional
    public Outcome<TaskView> reopen(UUID id, long version) {
        Optional<TaskView> found = tasks.byId(id);
        if (found.isEmpty() || !(handled(found.get().incident()) instanceof Outcome.Done<IncidentView>)) {
            return Outcome.refused(Refusal.notFound("task " + id));
        }
        if (found.get().isOpen()) {
            return Outcome.refused(Refusal.conflict("'" + found.get().title() + "' is open already"));
        }
        return close(found.get(), TaskState.OPEN, null, version, TaskChanged.Verb.REOPENED);
    }

    // --- tasks of a team ---------------------------------------------------------------------------------------

    /** The tasks of the signed-in user's teams, open ones first by due time; resolvers and handlers. */
    @Transactional(readOnly = true)
    public Outcome<List<SharedTask>> myTasks() {
        Actor actor = identity.requireActor();
        if (!actor.hasAny(Role.RESOLVER, Role.HANDLER, Role.COORDINATOR)) {
            return Outcome.refused(Refusal.forbidden("you need the role resolver or handler to see tasks"));
        }
        Map<TeamId, String> names = identity.teamNames();
        return Outcome.done(tasks.ofTeams(actor.teams(), MAX_TASKS_LISTED).stream()
                .map(task -> shared(task, names)).toList());
    }

    /** One task of the signed-in user's teams, with only the shared incident fields. */
    @Transactional(readOnly = true)
    public Outcome<SharedTask> sharedTask(UUID id) {
        return teamTask(id).map(task -> shared(task, identity.teamNames()));
    }

    /**
     * Completes a task with a note: by a member of its team (resolver, handler or coordinator), or by those who may
     * handle its incident. Anyone else is told that it does not exist.
     */
    @Transactional
    public Outcome<TaskView> complete(UUID id, @Nullable String note, long version) {
        Optional<TaskView> found = tasks.byId(id).filter(task -> isTeamTask(task)
                || handled(task.incident()) instanceof Outcome.Done<IncidentView>);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("task " + id));
        }
        if (note != null && note.length() > 5000) {
            return Outcome.refused(Refusal.invalid("note", "must be at most 5000 characters"));
        }
        if (!found.get().isOpen()) {
            return Outcome.refused(Refusal.conflict("'" + found.get().title() + "' is not open"));
        }
        return close(found.get(), TaskState.DONE, note == null || note.isBlank() ? null : note.trim(), version,
                TaskChanged.Verb.COMPLETED);
    }

    /** Whether the signed-in user may see the task as a member of its team. */
    private boolean isTeamTask(TaskView task) {
        Actor actor = identity.requireActor();
        return task.team() != null && actor.isMemberOf(task.team())
                && actor.hasAny(Role.RESOLVER, Role.HANDLER, Role.COORDINATOR);
    }

    private Outcome<TaskView> teamTask(UUID id) {
        return tasks.byId(id).filter(this::isTeamTask).map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("task " + id)));
    }

    private Outcome<TaskView> close(TaskView task, TaskState state, @Nullable String note, long version,
            TaskChanged.Verb verb) {
        Actor actor = identity.requireActor();
        Instant now = clock.instant();
        boolean open = state == TaskState.OPEN;
        if (!tasks.close(task.id(), state, note, open ? null : actor.username(), open ? null : now, version)) {
            return Outcome.refused(Refusal.stale(version, task.version()));
        }
        TaskView after = tasks.byId(task.id()).orElseThrow();
        events.publishEvent(new TaskChanged(task.id(), task.incident(), actor.ref(), now, verb,
                Optional.of(digest(task)), Optional.of(digest(after))));
        return Outcome.done(after);
    }

    /** The task as its team sees it, in the reader's language: the live values of the shared fields only. */
    private SharedTask shared(TaskView stored, Map<TeamId, String> teamNames) {
        TaskView task = ShippedTexts.shown(stored);
        Map<String, String> shared = new LinkedHashMap<>();
        Optional<IncidentView> incident = task.sharedFields().isEmpty() ? Optional.empty()
                : system.incident(task.incident());
        incident.ifPresent(view -> {
            for (SharedField field : task.sharedFields()) {
                shared.put(field.code(), valueOf(view, field));
            }
        });
        TeamId team = java.util.Objects.requireNonNull(task.team());
        return new SharedTask(task.id(), task.title(), task.description(), task.articles(), task.mandatory(), team,
                teamNames.getOrDefault(team, team.toString()), task.dueAt(), task.state(), task.note(),
                task.closedAt(), shared, task.version());
    }

    private String valueOf(IncidentView incident, SharedField field) {
        return switch (field) {
            case REFERENCE -> incident.reference();
            case TITLE -> incident.title();
            case CATEGORY -> incidents.categoryLabel(incident.category());
            case PRIORITY -> incident.priority();
            case SEVERITY -> incident.severity().code();
            case STATUS -> incident.status().code();
            case ASSET -> incident.asset() == null ? "" : String.valueOf(incident.asset());
            case TLP -> incident.tlp().label();
        };
    }

    /** The incident, if the signed-in user may handle it (handler or coordinator who may see it). */
    private Outcome<IncidentView> handled(IncidentId id) {
        Actor actor = identity.requireActor();
        if (!actor.hasAny(Role.HANDLER, Role.COORDINATOR)) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        return incidents.incident(id).map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("incident " + id)));
    }

    static String digest(TaskView task) {
        return ContentDigest.of(task.id() + "|" + task.title() + "|" + task.description() + "|" + task.team() + "|"
                + task.mandatory() + "|" + task.dueAt() + "|" + task.sharedFields() + "|" + task.state() + "|"
                + task.note() + "|" + task.closedBy() + "|" + task.closedAt()).hex();
    }

    // --- rules of access ----------------------------------------------------------------------------------------

    private Optional<Refusal> requireAny(String what, Role... roles) {
        Actor actor = identity.requireActor();
        if (actor.hasAny(roles)) {
            return Optional.empty();
        }
        return Optional.of(Refusal.forbidden("you need the role " + java.util.Arrays.stream(roles)
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(" or ")) + " to " + what));
    }
}
