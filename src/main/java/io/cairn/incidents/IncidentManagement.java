package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserId;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Refusal;
import io.cairn.shared.Tlp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incidents module's entry point: report, read, list and change incidents through named commands.
 *
 * <p>Every call acts for the signed-in user and sees only what they may see (see {@link IncidentAccess}); an
 * incident they may not see is reported as absent. Each change appends to the timeline and publishes an event that
 * the audit trail records in the same transaction.
 */
@Service
public class IncidentManagement {

    /** How far in the future a reported time may lie, to allow for clock skew between devices. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Incidents incidents;
    private final Timeline timeline;
    private final Links links;
    private final IncidentSearch search;
    private final PriorityMatrices matrices;
    private final RsitTaxonomy taxonomy;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    IncidentManagement(Incidents incidents, Timeline timeline, Links links, IncidentSearch search,
            PriorityMatrices matrices, RsitTaxonomy taxonomy, IdentityManagement identity,
            ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.links = links;
        this.search = search;
        this.matrices = matrices;
        this.taxonomy = taxonomy;
        this.identity = identity;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- reporting -----------------------------------------------------------------------------------------------

    /** Reports a new incident for the signed-in user. */
    @Transactional
    public Outcome<IncidentView> report(NewIncident report) {
        Actor actor = identity.requireActor();
        if (!IncidentAccess.mayReport(actor)) {
            return Outcome.refused(Refusal.forbidden("you need the role reporter or handler to report incidents"));
        }
        Outcome<ValidReport> valid = validate(actor, report);
        if (valid instanceof Outcome.Refused<ValidReport> refused) {
            return Outcome.refused(refused.refusal());
        }
        ValidReport accepted = ((Outcome.Done<ValidReport>) valid).value();
        Instant now = clock.instant();
        long number = jdbc.sql("select nextval('incident_number_seq')").query(Long.class).single();
        Incident incident = Incident.report(IncidentId.random(), number, accepted, actor.id(), now);
        incidents.insertNew(incident);
        timeline.append(incident.id(), now, actor.ref(), "reported", Map.of("status", Status.NEW.code()), null);
        events.publishEvent(new IncidentReported(incident.id(), actor.ref(), now, accepted.priority(),
                accepted.category(), digest(incident)));
        return Outcome.done(incident.view(matrices.current()));
    }

    private Outcome<ValidReport> validate(Actor actor, NewIncident report) {
        PriorityMatrix matrix = matrices.current();
        Category category = report.category() == null ? Category.UNDETERMINED : report.category();
        if (!taxonomy.contains(category)) {
            return Outcome.refused(unknownCategory(category));
        }
        Optional<Integer> impact = report.impact() == null ? Optional.of(matrix.defaultImpact())
                : matrix.impactLevel(report.impact());
        if (impact.isEmpty()) {
            return Outcome.refused(Refusal.invalid("impact", "must be one of " + matrix.impacts()));
        }
        Optional<Integer> urgency = report.urgency() == null ? Optional.of(matrix.defaultUrgency())
                : matrix.urgencyLevel(report.urgency());
        if (urgency.isEmpty()) {
            return Outcome.refused(Refusal.invalid("urgency", "must be one of " + matrix.urgencies()));
        }
        if ((report.owner() != null || report.team() != null) && !IncidentAccess.mayAssign(actor)) {
            return Outcome.refused(Refusal.invalid(report.owner() != null ? "owner" : "team",
                    "only handlers and coordinators may assign an incident"));
        }
        Optional<Refusal> problem = timesProblem(report.occurredAt(), report.detectedAt())
                .or(() -> assignmentProblem(report.owner(), report.team(), report.businessUnit()));
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        return Outcome.done(new ValidReport(report.title().trim(), report.description().trim(), category,
                Objects.requireNonNullElse(report.determination(), Determination.SUSPECTED),
                Objects.requireNonNullElse(report.severity(), Severity.MEDIUM), impact.get(), urgency.get(),
                matrix.priorityOf(impact.get(), urgency.get()), Objects.requireNonNullElse(report.tlp(), Tlp.AMBER),
                Objects.requireNonNullElse(report.pap(), Pap.AMBER),
                Boolean.TRUE.equals(report.confidential()), report.owner(), report.team(), report.businessUnit(),
                report.occurredAt(), report.detectedAt()));
    }

    // --- reading -------------------------------------------------------------------------------------------------

    /** One incident, if the signed-in user may see it. A read of a confidential incident is audited. */
    @Transactional
    public Optional<IncidentView> incident(IncidentId id) {
        return visible(id, "incident").map(incident -> incident.view(matrices.current()));
    }

    /** The timeline of an incident the signed-in user may see, oldest first. */
    @Transactional
    public Optional<List<TimelineEntry>> timeline(IncidentId id) {
        return visible(id, "timeline").map(incident -> timeline.of(id));
    }

    /** The links of an incident, leaving out incidents the signed-in user may not see. */
    @Transactional(readOnly = true)
    public Optional<List<IncidentLink>> links(IncidentId id) {
        Actor actor = identity.requireActor();
        return incidents.findById(id.value())
                .filter(incident -> IncidentAccess.maySee(actor, incident))
                .map(incident -> links.of(id).stream()
                        .filter(link -> incidents.findById(link.other().value())
                                .filter(other -> IncidentAccess.maySee(actor, other)).isPresent())
                        .toList());
    }

    /** A page of the incidents the signed-in user may see. */
    @Transactional(readOnly = true)
    public Outcome<IncidentPage> list(IncidentFilter filter) {
        if (filter.size() < 1 || filter.size() > IncidentFilter.MAX_PAGE_SIZE) {
            return Outcome.refused(Refusal.invalid("size", "must be from 1 to " + IncidentFilter.MAX_PAGE_SIZE));
        }
        if (filter.page() < 0 || filter.page() > 100_000) {
            return Outcome.refused(Refusal.invalid("page", "must be from 0 to 100000"));
        }
        if (filter.cursor() != null && !IncidentSearch.isValidCursor(filter.cursor(), filter.sort())) {
            return Outcome.refused(Refusal.invalid("cursor", "is not a cursor of this list and sort order"));
        }
        PriorityMatrix matrix = matrices.current();
        Optional<String> unknownPriority = filter.priorities().stream()
                .filter(label -> matrix.priorityLevel(label).isEmpty()).findFirst();
        if (unknownPriority.isPresent()) {
            return Outcome.refused(Refusal.invalid("priority", "'" + unknownPriority.get() + "' is not one of "
                    + matrix.priorities()));
        }
        if (filter.text() != null && filter.text().length() > 500) {
            return Outcome.refused(Refusal.invalid("q", "must be at most 500 characters"));
        }
        return Outcome.done(search.search(identity.requireActor(), filter));
    }

    /** The priority matrix in force. */
    public PriorityMatrix priorityMatrix() {
        return matrices.current();
    }

    /**
     * Replaces the priority matrix (admin only). Incidents keep the priority they have until they are
     * reprioritised.
     */
    @Transactional
    public Outcome<PriorityMatrix> replacePriorityMatrix(PriorityMatrixDefinition definition) {
        Actor actor = identity.requireActor();
        if (!actor.has(io.cairn.identity.Role.ADMIN)) {
            return Outcome.refused(Refusal.forbidden("you need the role admin to change the priority matrix"));
        }
        Outcome<PriorityMatrix> matrix = PriorityMatrix.of(definition.impacts(), definition.urgencies(),
                definition.priorities(), definition.cells(), definition.version());
        if (matrix instanceof Outcome.Refused<PriorityMatrix>) {
            return matrix;
        }
        PriorityMatrix before = matrices.current();
        if (!matrices.replace(((Outcome.Done<PriorityMatrix>) matrix).value(), definition.version())) {
            return Outcome.refused(Refusal.stale(definition.version(), matrices.load().version()));
        }
        PriorityMatrix after = matrices.current();
        events.publishEvent(new PriorityMatrixChanged(actor.ref(), clock.instant(),
                ContentDigest.of(before.toString()).hex(), ContentDigest.of(after.toString()).hex()));
        return Outcome.done(after);
    }

    /** The RSIT classes and types an incident can be categorised as: class value, label and its types. */
    public List<CategoryChoice> categories() {
        return taxonomy.classes().stream()
                .flatMap(c -> c.types().stream().map(t -> new CategoryChoice(new Category(c.value(), t.value()),
                        c.label(), t.label(), t.description())))
                .toList();
    }

    /** One RSIT class/type pair with its labels, for pickers. */
    public record CategoryChoice(Category category, String classLabel, String typeLabel, String description) {}

    /** The category as people read it, for example "Fraud / Phishing". */
    public String categoryLabel(Category category) {
        return taxonomy.label(category);
    }

    // --- changing ------------------------------------------------------------------------------------------------

    @Transactional
    public Outcome<IncidentView> assign(IncidentId id, IncidentCommands.Assign command) {
        return change(id, command.version(), "assigned", incident -> {
            Optional<Refusal> problem = assignmentProblem(command.owner(), command.team(), command.businessUnit());
            if (problem.isPresent()) {
                return problem;
            }
            incident.assign(command.owner(), command.team(), command.businessUnit(), clock.instant());
            return Optional.empty();
        }, incident -> details("owner", command.owner(), "team", command.team(), "businessUnit",
                command.businessUnit()), null);
    }

    @Transactional
    public Outcome<IncidentView> reprioritise(IncidentId id, IncidentCommands.Reprioritise command) {
        PriorityMatrix matrix = matrices.current();
        Optional<Integer> impact = matrix.impactLevel(command.impact());
        Optional<Integer> urgency = matrix.urgencyLevel(command.urgency());
        if (impact.isEmpty()) {
            return Outcome.refused(Refusal.invalid("impact", "must be one of " + matrix.impacts()));
        }
        if (urgency.isEmpty()) {
            return Outcome.refused(Refusal.invalid("urgency", "must be one of " + matrix.urgencies()));
        }
        int priority = matrix.priorityOf(impact.get(), urgency.get());
        return change(id, command.version(), "reprioritised", incident -> {
            incident.reprioritise(impact.get(), urgency.get(), priority, clock.instant());
            return Optional.empty();
        }, incident -> details("impact", matrix.impactLabel(impact.get()), "urgency",
                matrix.urgencyLabel(urgency.get()), "priority", matrix.priorityLabel(priority)), null);
    }

    @Transactional
    public Outcome<IncidentView> recategorise(IncidentId id, IncidentCommands.Recategorise command) {
        if (!taxonomy.contains(command.category())) {
            return Outcome.refused(unknownCategory(command.category()));
        }
        return change(id, command.version(), "recategorised", incident -> {
            IncidentView before = incident.view(matrices.current());
            incident.recategorise(command.category(),
                    Objects.requireNonNullElse(command.severity(), before.severity()),
                    Objects.requireNonNullElse(command.determination(), before.determination()), clock.instant());
            return Optional.empty();
        }, incident -> {
            IncidentView after = incident.view(matrices.current());
            return details("category", after.category().rsitClass() + "/" + after.category().rsitType(),
                    "severity", after.severity().code(), "determination", after.determination().code());
        }, null);
    }

    @Transactional
    public Outcome<IncidentView> transition(IncidentId id, IncidentCommands.Transition command) {
        String[] from = new String[1];
        return change(id, command.version(), "transitioned", incident -> {
            from[0] = incident.status().code();
            return incident.transition(command.to(), blankToNull(command.reason()), clock.instant());
        }, incident -> details("from", from[0], "to", command.to().code()), blankToNull(command.reason()));
    }

    @Transactional
    public Outcome<IncidentView> mark(IncidentId id, IncidentCommands.Mark command) {
        return change(id, command.version(), "marked", incident -> {
            if (command.tlp().compareTo(incident.tlp()) < 0 && blankToNull(command.reason()) == null) {
                return Optional.of(Refusal.invalid("reason", "lowering the TLP marking from "
                        + incident.tlp().label() + " to " + command.tlp().label() + " needs a reason"));
            }
            incident.mark(command.tlp(), command.pap(), command.confidential(), clock.instant());
            return Optional.empty();
        }, incident -> details("tlp", command.tlp().label(), "pap", command.pap().label(), "confidential",
                command.confidential()), blankToNull(command.reason()));
    }

    @Transactional
    public Outcome<IncidentView> describe(IncidentId id, IncidentCommands.Describe command) {
        return change(id, command.version(), "described", incident -> {
            incident.describe(command.title().trim(), command.description().trim(), clock.instant());
            return Optional.empty();
        }, incident -> Map.of(), null);
    }

    @Transactional
    public Outcome<IncidentView> recordTimes(IncidentId id, IncidentCommands.RecordTimes command) {
        return change(id, command.version(), "times-recorded", incident -> {
            Optional<Refusal> problem = timesProblem(command.occurredAt(), command.detectedAt());
            if (problem.isPresent()) {
                return problem;
            }
            incident.recordTimes(command.occurredAt(), command.detectedAt(), clock.instant());
            return Optional.empty();
        }, incident -> details("occurredAt", command.occurredAt(), "detectedAt", command.detectedAt()), null);
    }

    /** Adds a note; handlers, and the reporter of the incident, may. */
    @Transactional
    public Outcome<TimelineEntry> addNote(IncidentId id, IncidentCommands.AddNote command) {
        Actor actor = identity.requireActor();
        Optional<Incident> found = incidents.findById(id.value()).filter(i -> IncidentAccess.maySee(actor, i));
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        Incident incident = found.get();
        if (!IncidentAccess.mayAddNote(actor, incident)) {
            return Outcome.refused(Refusal.forbidden("you may read this incident but not add notes to it"));
        }
        String before = digest(incident);
        Instant now = clock.instant();
        TimelineEntry note = timeline.append(id, now, actor.ref(), "note", Map.of(), command.text().trim());
        events.publishEvent(new IncidentChanged(id, actor.ref(), now, "noted", incident.status(), before,
                ContentDigest.of(before + "|note:" + note.id()).hex()));
        return Outcome.done(note);
    }

    /** Links this incident to another; a child has one parent, and parents form no cycle. */
    @Transactional
    public Outcome<List<IncidentLink>> link(IncidentId id, IncidentCommands.Link command) {
        Actor actor = identity.requireActor();
        Optional<Incident> source = handleable(actor, id);
        Optional<Incident> target = incidents.findById(command.target().value())
                .filter(i -> IncidentAccess.maySee(actor, i));
        if (source.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (target.isEmpty()) {
            return Outcome.refused(Refusal.invalid("target", "incident " + command.target()
                    + " does not exist or is not visible to you"));
        }
        if (id.equals(command.target())) {
            return Outcome.refused(Refusal.invalid("target", "an incident cannot be linked to itself"));
        }
        Optional<Refusal> problem = linkProblem(id, command.target(), command.kind());
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        Instant now = clock.instant();
        if (links.add(id, command.target(), command.kind(), now)) {
            String before = digest(source.get());
            Map<String, String> facts = Map.of("kind", command.kind().code(), "target",
                    target.get().reference());
            timeline.append(id, now, actor.ref(), "linked", facts, null);
            timeline.append(command.target(), now, actor.ref(), "linked",
                    Map.of("kind", command.kind().code(), "source", source.get().reference()), null);
            events.publishEvent(new IncidentChanged(id, actor.ref(), now, "linked", source.get().status(), before,
                    ContentDigest.of(before + "|link:" + command.kind() + ":" + command.target()).hex()));
        }
        return Outcome.done(links(id).orElseThrow());
    }

    private Optional<Refusal> linkProblem(IncidentId source, IncidentId target, LinkKind kind) {
        if (kind == LinkKind.RELATED && links.exists(source, target, LinkKind.RELATED)) {
            return Optional.empty();
        }
        if (kind == LinkKind.PARENT_OF) {
            Optional<IncidentId> currentParent = links.parentOf(target);
            if (currentParent.isPresent() && !currentParent.get().equals(source)) {
                return Optional.of(Refusal.conflict("target", "that incident already has a parent"));
            }
            for (Optional<IncidentId> up = Optional.of(source); up.isPresent(); up = links.parentOf(up.get())) {
                if (up.get().equals(target)) {
                    return Optional.of(Refusal.conflict("target", "that incident is a parent of this one; "
                            + "parents cannot form a cycle"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Merges this incident into the target: the timeline is copied into the target, a duplicate-of link is made,
     * and this incident is closed with a resolution naming the target.
     */
    @Transactional
    public Outcome<IncidentView> merge(IncidentId id, IncidentCommands.Merge command) {
        Actor actor = identity.requireActor();
        Optional<Incident> target = handleable(actor, command.target());
        if (target.isEmpty()) {
            return Outcome.refused(Refusal.invalid("target", "incident " + command.target()
                    + " does not exist or you may not change it"));
        }
        Outcome<IncidentView> merged = change(id, command.version(), "merged",
                incident -> incident.mergeInto(target.get(), clock.instant()),
                incident -> Map.of("into", target.get().reference()), null);
        if (merged instanceof Outcome.Done<IncidentView> done) {
            Instant now = clock.instant();
            Incident into = target.get();
            String before = digest(into);
            links.add(id, command.target(), LinkKind.DUPLICATE_OF, now);
            timeline.copyInto(id, done.value().reference(), command.target());
            timeline.append(command.target(), now, actor.ref(), "merged-in",
                    Map.of("from", done.value().reference()), null);
            into.absorbDuplicate(now);
            incidents.save(into);
            events.publishEvent(new IncidentChanged(command.target(), actor.ref(), now, "merged-in", into.status(),
                    before, digest(into)));
        }
        return merged;
    }

    // --- the shape every change has --------------------------------------------------------------------------------

    /**
     * Loads the incident, checks that the actor may handle it and that they saw the stored version, applies the verb,
     * saves, appends to the timeline and publishes the change; a refusal leaves everything as it was.
     */
    private Outcome<IncidentView> change(IncidentId id, long expectedVersion, String verb,
            Function<Incident, Optional<Refusal>> apply, Function<Incident, Map<String, String>> facts,
            @Nullable String note) {
        Actor actor = identity.requireActor();
        Optional<Incident> found = incidents.findById(id.value()).filter(i -> IncidentAccess.maySee(actor, i));
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        Incident incident = found.get();
        if (!IncidentAccess.mayHandle(actor, incident)) {
            return Outcome.refused(Refusal.forbidden("you may read this incident but only handlers and "
                    + "coordinators may change it"));
        }
        if (incident.version() != expectedVersion) {
            return Outcome.refused(Refusal.stale(expectedVersion, incident.version()));
        }
        String before = digest(incident);
        Optional<Refusal> refusal = apply.apply(incident);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        try {
            incidents.save(incident);
        } catch (OptimisticLockingFailureException race) {
            return Outcome.refused(Refusal.stale(expectedVersion, expectedVersion + 1));
        }
        Instant now = clock.instant();
        timeline.append(id, now, actor.ref(), verb, facts.apply(incident), note);
        events.publishEvent(new IncidentChanged(id, actor.ref(), now, verb, incident.status(), before,
                digest(incident)));
        return Outcome.done(incident.view(matrices.current()));
    }

    private Optional<Incident> handleable(Actor actor, IncidentId id) {
        return incidents.findById(id.value()).filter(i -> IncidentAccess.mayHandle(actor, i));
    }

    private Optional<Incident> visible(IncidentId id, String what) {
        Actor actor = identity.requireActor();
        Optional<Incident> found = incidents.findById(id.value()).filter(i -> IncidentAccess.maySee(actor, i));
        found.filter(Incident::confidential).ifPresent(incident -> events.publishEvent(
                new ConfidentialIncidentViewed(id, actor.ref(), clock.instant(), what)));
        return found;
    }

    private Optional<Refusal> assignmentProblem(@Nullable UserId owner, io.cairn.identity.@Nullable TeamId team,
            io.cairn.identity.@Nullable BusinessUnitId businessUnit) {
        if (owner != null && !identity.userExists(owner)) {
            return Optional.of(Refusal.invalid("owner", "user " + owner + " does not exist"));
        }
        if (team != null && !identity.teamExists(team)) {
            return Optional.of(Refusal.invalid("team", "team " + team + " does not exist"));
        }
        if (businessUnit != null && !identity.businessUnitExists(businessUnit)) {
            return Optional.of(Refusal.invalid("businessUnit", "business unit " + businessUnit + " does not exist"));
        }
        return Optional.empty();
    }

    private Optional<Refusal> timesProblem(@Nullable Instant occurredAt, @Nullable Instant detectedAt) {
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        if (occurredAt != null && occurredAt.isAfter(latest)) {
            return Optional.of(Refusal.invalid("occurredAt", "lies in the future"));
        }
        if (detectedAt != null && detectedAt.isAfter(latest)) {
            return Optional.of(Refusal.invalid("detectedAt", "lies in the future"));
        }
        if (occurredAt != null && detectedAt != null && detectedAt.isBefore(occurredAt)) {
            return Optional.of(Refusal.invalid("detectedAt", "lies before the time it occurred"));
        }
        return Optional.empty();
    }

    private Refusal unknownCategory(Category category) {
        return Refusal.invalid("category", "'" + category.rsitClass() + "/" + category.rsitType()
                + "' is not an RSIT class and type");
    }

    private static String digest(Incident incident) {
        return ContentDigest.of(incident.snapshot()).hex();
    }

    private static Map<String, String> details(Object... keysAndValues) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            details.put((String) keysAndValues[i], value == null ? "" : value.toString());
        }
        return details;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
