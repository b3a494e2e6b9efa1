package io.cairn.incidents;

import io.cairn.assets.AssetManagement;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Language;
import io.cairn.shared.Outcome;
import io.cairn.shared.Pap;
import io.cairn.shared.Refusal;
import io.cairn.shared.Tlp;
import io.cairn.shared.WithoutAccessChecks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
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

    private static final Pattern REFERENCE = Pattern.compile("(?i)^\\s*(?:INC-?)?(\\d{1,18})\\s*$");

    private final Incidents incidents;
    private final Timeline timeline;
    private final Links links;
    private final IncidentSearch search;
    private final PriorityMatrices matrices;
    private final RsitTaxonomy taxonomy;
    private final IdentityManagement identity;
    private final AssetManagement assets;
    private final SavedViews savedViews;
    private final ObjectProvider<TransitionRule> transitionRules;
    private final ObjectProvider<ReportRouting> routings;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    IncidentManagement(Incidents incidents, Timeline timeline, Links links, IncidentSearch search,
            PriorityMatrices matrices, RsitTaxonomy taxonomy, IdentityManagement identity, AssetManagement assets,
            SavedViews savedViews, ObjectProvider<TransitionRule> transitionRules,
            ObjectProvider<ReportRouting> routings, ApplicationEventPublisher events,
            JdbcClient jdbc, Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.links = links;
        this.search = search;
        this.matrices = matrices;
        this.taxonomy = taxonomy;
        this.identity = identity;
        this.assets = assets;
        this.savedViews = savedViews;
        this.transitionRules = transitionRules;
        this.routings = routings;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- reporting -----------------------------------------------------------------------------------------------

    /** Reports a new incident for the signed-in user. */
    @Transactional
    public Outcome<IncidentView> report(NewIncident report) {
        return report(report, false);
    }

    /**
     * Reports a new incident for the signed-in user through a channel whose configuration routes it, such as a
     * report template with a default team: the team is the channel's choice, not the reporter's.
     */
    @Transactional
    public Outcome<IncidentView> reportRouted(NewIncident report) {
        return report(report, true);
    }

    private Outcome<IncidentView> report(NewIncident report, boolean routed) {
        Actor actor = identity.requireActor();
        if (!IncidentAccess.mayReport(actor)) {
            return Outcome.refused(mayNotReport());
        }
        return open(report, routed, IncidentAccess.mayAssign(actor), actor.id(), actor.ref());
    }

    /**
     * Why {@link #report} would refuse this report of the signed-in user, checked without opening anything: for a
     * channel that may count a repeat on an open incident instead, so that a repeat is checked like a first report.
     */
    @Transactional(readOnly = true)
    public Optional<Refusal> reportRefusal(NewIncident report) {
        Actor actor = identity.requireActor();
        if (!IncidentAccess.mayReport(actor)) {
            return Optional.of(mayNotReport());
        }
        return validate(report, false, IncidentAccess.mayAssign(actor)) instanceof Outcome.Refused<ValidReport> refused
                ? Optional.of(refused.refusal()) : Optional.empty();
    }

    private static Refusal mayNotReport() {
        return Refusal.forbidden("you need the role reporter or handler to report incidents");
    }

    /**
     * Reports a new incident for a person without an account: it has no reporter, and only the follow-up code that
     * intake hands out leads back to it. A template may route it to a team. Only for intake's channels, through
     * {@link io.cairn.incidents.channels.ReporterChannels}.
     */
    @Transactional
    @WithoutAccessChecks
    Outcome<IncidentView> reportAnonymously(NewIncident report) {
        return open(report, true, false, null, ANONYMOUS);
    }

    /** How the timeline and the audit trail name a person who reported without an account. */
    public static final ActorRef ANONYMOUS = new ActorRef("anonymous", "anonymous reporter");

    /**
     * Reports a new incident for a known person who did not sign in, such as the sender of a mail from the address of
     * their account; only for intake channels that established who the person is. The channel may route it; the
     * person cannot assign it. Only through {@link io.cairn.incidents.channels.ReporterChannels}.
     */
    @Transactional
    @WithoutAccessChecks
    Outcome<IncidentView> reportFor(Actor reporter, NewIncident report) {
        if (!IncidentAccess.mayReport(reporter)) {
            return Outcome.refused(Refusal.forbidden(reporter.username() + " does not have a role that may report"));
        }
        return open(report, true, false, reporter.id(), reporter.ref());
    }

    /**
     * The reporter of the incident answers through another channel than signing in, such as a reply by mail from
     * their address; only for the intake module, after it established who is writing, through
     * {@link io.cairn.incidents.channels.ReporterChannels}.
     */
    @Transactional
    @WithoutAccessChecks
    Optional<TimelineEntry> replyFor(Actor reporter, IncidentId id, String reply) {
        return incidents.findById(id.value()).filter(i -> i.reportedBy(reporter.id()))
                .map(i -> answer(i, reporter.ref(), reply));
    }

    /**
     * Adds a note written by an intake channel rather than a person, such as that an attachment of a mailed report
     * was too large to keep; only for the intake module, on an incident it has just opened, through
     * {@link io.cairn.incidents.channels.ReporterChannels}.
     */
    @Transactional
    @WithoutAccessChecks
    Optional<TimelineEntry> addChannelNote(IncidentId id, ActorRef channel, String text) {
        return incidents.findById(id.value()).map(incident -> {
            String before = digest(incident);
            Instant now = clock.instant();
            TimelineEntry note = timeline.append(id, now, channel, Timeline.NOTE, Map.of(), text.trim());
            events.publishEvent(new IncidentNoted(id, channel, now, incident.status(), note.id(), before,
                    ContentDigest.of(before + "|note:" + note.id()).hex()));
            return note;
        });
    }

    private Outcome<IncidentView> open(NewIncident report, boolean routed, boolean mayAssign,
            @Nullable UserId reporter, ActorRef by) {
        Outcome<ValidReport> valid = validate(report, routed, mayAssign);
        if (valid instanceof Outcome.Refused<ValidReport> refused) {
            return Outcome.refused(refused.refusal());
        }
        ValidReport checked = ((Outcome.Done<ValidReport>) valid).value();
        Optional<ReportRouting.Route> route = routings.orderedStream()
                .map(routing -> routing.route(new ReportRouting.Report(checked.category(), checked.team(),
                        checked.businessUnit(), checked.asset(), checked.template())))
                .flatMap(Optional::stream).findFirst()
                .filter(chosen -> checked.team() == null || checked.team().equals(chosen.team()));
        ValidReport accepted = route.map(checked::routed).orElse(checked);
        Instant now = clock.instant();
        Incident incident = Incident.report(IncidentId.random(), accepted, reporter, now);
        incidents.insertNew(incident, now, by, route.map(ReportRouting.Route::rule).orElse(null));
        events.publishEvent(new IncidentReported(incident.id(), by, now, accepted.priority(),
                accepted.category(), accepted.team(), accepted.businessUnit(), accepted.asset(), accepted.template(),
                digest(incident)));
        return Outcome.done(incident.view(matrices.current()));
    }

    private Outcome<ValidReport> validate(NewIncident report, boolean routed, boolean mayAssign) {
        PriorityMatrix matrix = matrices.current();
        Category category = report.category() == null ? Category.UNDETERMINED : report.category();
        if (!taxonomy.contains(category)) {
            return Outcome.refused(unknownCategory(category));
        }
        Optional<Integer> impact = report.impact() == null ? Optional.of(matrix.defaultImpact())
                : matrix.impactLevel(report.impact());
        if (impact.isEmpty()) {
            return Outcome.refused(Refusal.invalid("impact", "must be one of {0}", matrix.impacts().toString()));
        }
        Optional<Integer> urgency = report.urgency() == null ? Optional.of(matrix.defaultUrgency())
                : matrix.urgencyLevel(report.urgency());
        if (urgency.isEmpty()) {
            return Outcome.refused(Refusal.invalid("urgency", "must be one of {0}", matrix.urgencies().toString()));
        }
        if ((report.owner() != null || report.team() != null && !routed) && !mayAssign) {
            return Outcome.refused(Refusal.invalid(report.owner() != null ? "owner" : "team",
                    "only handlers and coordinators may assign an incident"));
        }
        Optional<Refusal> problem = timesProblem(report.occurredAt(), report.detectedAt())
                .or(() -> assignmentProblem(report.owner(), report.team(), report.businessUnit()))
                .or(() -> report.asset() == null || assets.isRegistered(report.asset()) ? Optional.empty()
                        : Optional.of(Refusal.invalid("asset", "is not a registered device")));
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        return Outcome.done(new ValidReport(report.title().trim(), report.description().trim(), category,
                Objects.requireNonNullElse(report.determination(), Determination.SUSPECTED),
                Objects.requireNonNullElse(report.severity(), Severity.MEDIUM), impact.get(), urgency.get(),
                matrix.priorityOf(impact.get(), urgency.get()), Objects.requireNonNullElse(report.tlp(), Tlp.AMBER),
                Objects.requireNonNullElse(report.pap(), Pap.AMBER),
                Boolean.TRUE.equals(report.confidential()), report.owner(), report.team(), report.businessUnit(),
                report.occurredAt(), report.detectedAt(), report.asset(), report.template()));
    }

    // --- reading -------------------------------------------------------------------------------------------------

    /** How many open incidents each of these users owns; users who own none are absent. */
    @Transactional(readOnly = true)
    public Map<UserId, Long> openIncidentCounts(java.util.Collection<UserId> owners) {
        if (owners.isEmpty()) {
            return Map.of();
        }
        Map<UserId, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select owner_id, count(*) as open from incident
                where owner_id in (:owners) and status not in ('CLOSED', 'DISMISSED') group by owner_id""")
                .param("owners", owners.stream().map(UserId::value).toList())
                .query((rs, row) -> counts.put(new UserId(rs.getObject("owner_id", java.util.UUID.class)),
                        rs.getLong("open")))
                .list();
        return counts;
    }

    /** One incident, if the signed-in user may see it. A read of a confidential incident is audited. */
    @Transactional
    public Optional<IncidentView> incident(IncidentId id) {
        return visible(id, ConfidentialIncidentViewed.Part.INCIDENT).map(incident -> incident.view(matrices.current()));
    }

    /**
     * The incident a person names by its reference ({@code INC-12}, or just {@code 12}) or by its id, if the
     * signed-in user may see it; for forms where people type the other incident of a link or a merge.
     */
    @Transactional(readOnly = true)
    public Optional<IncidentId> resolveReference(String referenceOrId) {
        Actor actor = identity.requireActor();
        Matcher reference = REFERENCE.matcher(referenceOrId);
        Optional<Incident> found;
        if (reference.matches()) {
            found = incidents.findByNumber(Long.parseLong(reference.group(1)));
        } else {
            try {
                found = incidents.findById(IncidentId.valueOf(referenceOrId).value());
            } catch (IllegalArgumentException notAnId) {
                found = Optional.empty();
            }
        }
        return found.filter(incident -> IncidentAccess.maySee(actor, incident)).map(Incident::id);
    }

    /** The timeline of an incident the signed-in user may see, oldest first. */
    @Transactional
    public Optional<List<TimelineEntry>> timeline(IncidentId id) {
        return visible(id, ConfidentialIncidentViewed.Part.TIMELINE).map(incident -> timeline.of(id));
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

    /** The incidents the signed-in user reported, newest first, 25 a page; for the reporter's "My reports". */
    @Transactional(readOnly = true)
    public Outcome<IncidentPage> myReports(@Nullable String cursor) {
        IncidentFilter filter = new IncidentFilter(List.of(), List.of(), null, null, null, null, null, null, null,
                null, null, null, IncidentFilter.Sort.REPORTED, false, 0, 25, cursor);
        if (cursor != null && !IncidentSearch.isValidCursor(cursor, filter.sort())) {
            return Outcome.refused(Refusal.invalid("cursor", "is not a cursor of this list"));
        }
        return Outcome.done(search.reportedBy(identity.requireActor(), filter));
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

    /**
     * The RSIT classes and types an incident can be categorised as: class value, label and its types, named and
     * described in the reader's language.
     */
    public List<CategoryChoice> categories() {
        Language language = Language.current();
        return taxonomy.classes().stream()
                .flatMap(c -> c.types().stream().map(t -> new CategoryChoice(new Category(c.value(), t.value()),
                        c.label().in(language), t.label().in(language), t.description().in(language))))
                .toList();
    }

    /** One RSIT class/type pair with its labels, for pickers. */
    public record CategoryChoice(Category category, String classLabel, String typeLabel, String description) {}

    /** The category as people read it in the reader's language, for example "Fraud / Phishing". */
    public String categoryLabel(Category category) {
        return taxonomy.label(category);
    }

    // --- changing ------------------------------------------------------------------------------------------------

    @Transactional
    public Outcome<IncidentView> assign(IncidentId id, IncidentCommands.Assign command) {
        return change(id, command.version(), incident -> {
            Optional<Refusal> problem = assignmentProblem(command.owner(), command.team(), command.businessUnit());
            if (problem.isPresent()) {
                return problem;
            }
            incident.assign(command.owner(), command.team(), command.businessUnit(), clock.instant());
            return Optional.empty();
        }, incident -> details("owner", command.owner(), "team", command.team(), "businessUnit",
                command.businessUnit()), null, (incident, by, at, before, after) -> new IncidentAssigned(incident.id(),
                        by, at, incident.status(), command.owner(), command.team(), command.businessUnit(), before,
                        after));
    }

    @Transactional
    public Outcome<IncidentView> reprioritise(IncidentId id, IncidentCommands.Reprioritise command) {
        PriorityMatrix matrix = matrices.current();
        Optional<Integer> impact = matrix.impactLevel(command.impact());
        Optional<Integer> urgency = matrix.urgencyLevel(command.urgency());
        if (impact.isEmpty()) {
            return Outcome.refused(Refusal.invalid("impact", "must be one of {0}", matrix.impacts().toString()));
        }
        if (urgency.isEmpty()) {
            return Outcome.refused(Refusal.invalid("urgency", "must be one of {0}", matrix.urgencies().toString()));
        }
        int priority = matrix.priorityOf(impact.get(), urgency.get());
        return change(id, command.version(), incident -> {
            incident.reprioritise(impact.get(), urgency.get(), priority, clock.instant());
            return Optional.empty();
        }, incident -> details("impact", matrix.impactLabel(impact.get()), "urgency",
                matrix.urgencyLabel(urgency.get()), "priority", matrix.priorityLabel(priority)), null,
                (incident, by, at, before, after) -> new IncidentReprioritised(incident.id(), by, at,
                        incident.status(), impact.get(), urgency.get(), priority, before, after));
    }

    @Transactional
    public Outcome<IncidentView> recategorise(IncidentId id, IncidentCommands.Recategorise command) {
        if (!taxonomy.contains(command.category())) {
            return Outcome.refused(unknownCategory(command.category()));
        }
        return change(id, command.version(), incident -> {
            IncidentView before = incident.view(matrices.current());
            incident.recategorise(command.category(),
                    Objects.requireNonNullElse(command.severity(), before.severity()),
                    Objects.requireNonNullElse(command.determination(), before.determination()), clock.instant());
            return Optional.empty();
        }, incident -> {
            IncidentView after = incident.view(matrices.current());
            return details("category", after.category().rsitClass() + "/" + after.category().rsitType(),
                    "severity", after.severity().code(), "determination", after.determination().code());
        }, null, (incident, by, at, before, after) -> {
            IncidentView view = incident.view(matrices.current());
            return new IncidentRecategorised(incident.id(), by, at, incident.status(), view.category(),
                    view.severity(), view.determination(), before, after);
        });
    }

    @Transactional
    public Outcome<IncidentView> transition(IncidentId id, IncidentCommands.Transition command) {
        Status[] from = new Status[1];
        return change(id, command.version(), incident -> {
            from[0] = incident.status();
            IncidentView before = incident.view(matrices.current());
            return incident.transition(command.to(), blankToNull(command.reason()), clock.instant())
                    .or(() -> transitionRules.orderedStream()
                            .flatMap(rule -> rule.refusal(before, command.to()).stream()).findFirst());
        }, incident -> details("from", from[0].code(), "to", command.to().code()), blankToNull(command.reason()),
                (incident, by, at, before, after) -> new IncidentTransitioned(incident.id(), by, at, from[0],
                        incident.status(), before, after));
    }

    @Transactional
    public Outcome<IncidentView> mark(IncidentId id, IncidentCommands.Mark command) {
        return change(id, command.version(), incident -> {
            if (command.tlp().compareTo(incident.tlp()) < 0 && blankToNull(command.reason()) == null) {
                return Optional.of(Refusal.invalid("reason", "lowering the TLP marking from "
                        + incident.tlp().label() + " to " + command.tlp().label() + " needs a reason"));
            }
            incident.mark(command.tlp(), command.pap(), command.confidential(), clock.instant());
            return Optional.empty();
        }, incident -> details("tlp", command.tlp().label(), "pap", command.pap().label(), "confidential",
                command.confidential()), blankToNull(command.reason()),
                (incident, by, at, before, after) -> new IncidentMarked(incident.id(), by, at, incident.status(),
                        command.tlp(), command.pap(), command.confidential(), before, after));
    }

    @Transactional
    public Outcome<IncidentView> describe(IncidentId id, IncidentCommands.Describe command) {
        return change(id, command.version(), incident -> {
            incident.describe(command.title().trim(), command.description().trim(), clock.instant());
            return Optional.empty();
        }, incident -> Map.of(), null, (incident, by, at, before, after) -> new IncidentDescribed(incident.id(), by,
                at, incident.status(), before, after));
    }

    @Transactional
    public Outcome<IncidentView> recordTimes(IncidentId id, IncidentCommands.RecordTimes command) {
        return change(id, command.version(), incident -> {
            Optional<Refusal> problem = timesProblem(command.occurredAt(), command.detectedAt());
            if (problem.isPresent()) {
                return problem;
            }
            incident.recordTimes(command.occurredAt(), command.detectedAt(), clock.instant());
            return Optional.empty();
        }, incident -> details("occurredAt", command.occurredAt(), "detectedAt", command.detectedAt()), null,
                (incident, by, at, before, after) -> new IncidentTimesRecorded(incident.id(), by, at,
                        incident.status(), command.occurredAt(), command.detectedAt(), before, after));
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
        TimelineEntry note = timeline.append(id, now, actor.ref(), Timeline.NOTE, Map.of(),
                command.text().trim());
        events.publishEvent(new IncidentNoted(id, actor.ref(), now, incident.status(), note.id(), before,
                ContentDigest.of(before + "|note:" + note.id()).hex()));
        return Outcome.done(note);
    }

    // --- the conversation with the reporter ----------------------------------------------------------------------

    /** A handler asks the reporter a question; the reporter reads it in their follow-up view. */
    @Transactional
    public Outcome<TimelineEntry> askReporter(IncidentId id, IncidentCommands.AddNote question) {
        Actor actor = identity.requireActor();
        Optional<Incident> found = incidents.findById(id.value()).filter(i -> IncidentAccess.maySee(actor, i));
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (!IncidentAccess.mayHandle(actor, found.get())) {
            return Outcome.refused(Refusal.forbidden("only handlers and coordinators ask the reporter questions"));
        }
        return Outcome.done(ask(found.get(), actor.ref(), question.text()));
    }

    /** The signed-in reporter of the incident answers, or adds to their report. */
    @Transactional
    public Outcome<TimelineEntry> replyAsReporter(IncidentId id, IncidentCommands.AddNote reply) {
        Actor actor = identity.requireActor();
        return incidents.findById(id.value()).filter(i -> i.reportedBy(actor.id()))
                .<Outcome<TimelineEntry>>map(i -> Outcome.done(answer(i, actor.ref(), reply.text())))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("a report of yours with id " + id)));
    }

    /** What the signed-in reporter sees of an incident they reported: status, outcome and the conversation. */
    @Transactional(readOnly = true)
    public Optional<ReporterView> reporterView(IncidentId id) {
        Actor actor = identity.requireActor();
        return incidents.findById(id.value()).filter(i -> i.reportedBy(actor.id())).map(this::reporterView);
    }

    /**
     * What an anonymous reporter sees; only for the intake module, after it checked the follow-up code that leads
     * to this incident, through {@link io.cairn.incidents.channels.ReporterChannels}.
     */
    @Transactional(readOnly = true)
    @WithoutAccessChecks
    Optional<ReporterView> reporterViewByFollowUpCode(IncidentId id) {
        return incidents.findById(id.value()).map(this::reporterView);
    }

    /**
     * An anonymous reporter answers; only for the intake module, after it checked the follow-up code, through
     * {@link io.cairn.incidents.channels.ReporterChannels}.
     */
    @Transactional
    @WithoutAccessChecks
    Optional<TimelineEntry> replyByFollowUpCode(IncidentId id, String reply) {
        return incidents.findById(id.value()).map(i -> answer(i, ANONYMOUS, reply));
    }

    private ReporterView reporterView(Incident incident) {
        IncidentView view = incident.view(matrices.current());
        List<TimelineEntry> conversation = timeline.of(view.id()).stream()
                .filter(entry -> ReporterView.SHOWN.contains(entry.kind()))
                .map(entry -> switch (entry.kind()) {
                    case IncidentTransitioned.VERB -> entry.withoutNote().signedBy(ReporterView.TEAM);
                    case ReporterAsked.VERB -> entry.signedBy(ReporterView.TEAM);
                    default -> entry;
                })
                .toList();
        return new ReporterView(view.id(), view.reference(), view.title(), view.status(), view.reportedAt(),
                view.dismissalReason(), conversation);
    }

    /** A handler's question to the reporter, in the timeline and the audit trail; the reporter is told. */
    private TimelineEntry ask(Incident incident, ActorRef by, String question) {
        Instant now = clock.instant();
        String before = digest(incident);
        TimelineEntry entry = timeline.append(incident.id(), now, by, ReporterAsked.VERB, Map.of(), question.trim());
        events.publishEvent(new ReporterAsked(incident.id(), by, now, incident.status(), entry.id(),
                incident.reference(), incident.title(), incident.reporter().orElse(null), question.trim(), before,
                conversed(before, ReporterAsked.VERB, entry)));
        return entry;
    }

    /** The reporter's answer, in the timeline and the audit trail; the incident's handlers are told. */
    private TimelineEntry answer(Incident incident, ActorRef by, String answer) {
        Instant now = clock.instant();
        String before = digest(incident);
        TimelineEntry entry = timeline.append(incident.id(), now, by, ReporterAnswered.VERB, Map.of(), answer.trim());
        events.publishEvent(new ReporterAnswered(incident.id(), by, now, incident.status(), entry.id(),
                incident.reference(), incident.title(), incident.owner().orElse(null), incident.team().orElse(null),
                before, conversed(before, ReporterAnswered.VERB, entry)));
        return entry;
    }

    /** The after-digest of a turn of the conversation: the state's digest chained with the turn's entry. */
    private static String conversed(String before, String verb, TimelineEntry entry) {
        return ContentDigest.of(before + "|" + verb + ":" + entry.id()).hex();
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
            timeline.append(id, now, actor.ref(), IncidentLinked.VERB, facts, null);
            timeline.append(command.target(), now, actor.ref(), IncidentLinked.VERB,
                    Map.of("kind", command.kind().code(), "source", source.get().reference()), null);
            events.publishEvent(new IncidentLinked(id, actor.ref(), now, source.get().status(), command.target(),
                    command.kind(), before,
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
        // both rows locked, in the order of their ids, so that merges of a pair in opposite directions cannot deadlock
        java.util.stream.Stream.of(id.value(), command.target().value()).sorted()
                .forEach(incidents::findLockedById);
        Optional<Incident> target = handleable(actor, command.target());
        // the target is judged only for someone who may change this incident: anyone else learns nothing of either
        Outcome<IncidentView> merged = change(id, command.version(),
                incident -> target.isEmpty() ? Optional.of(Refusal.invalid("target", "incident "
                        + command.target() + " does not exist or you may not change it"))
                        : incident.mergeInto(target.get(), clock.instant()),
                incident -> Map.of("into", target.orElseThrow().reference()), null,
                (incident, by, at, before, after) -> new IncidentMerged(incident.id(), by, at, incident.status(),
                        command.target(), before, after));
        if (merged instanceof Outcome.Done<IncidentView> done) {
            Instant now = clock.instant();
            Incident into = target.get();
            String before = digest(into);
            links.add(id, command.target(), LinkKind.DUPLICATE_OF, now);
            timeline.copyInto(id, done.value().reference(), command.target());
            timeline.append(command.target(), now, actor.ref(), IncidentMergedIn.VERB,
                    Map.of("from", done.value().reference()), null);
            into.absorbDuplicate(now);
            incidents.save(into);
            events.publishEvent(new IncidentMergedIn(command.target(), actor.ref(), now, into.status(), id, before,
                    digest(into)));
        }
        return merged;
    }

    // --- the handler's workspace: triage, bulk changes, saved views ------------------------------------------------

    /**
     * Decides about a new report: accept it (it moves through triage into analysis), dismiss it with a reason the
     * reporter reads, or merge it into an existing incident. Either all of the decision happens or none of it.
     */
    @Transactional
    public Outcome<IncidentView> triage(IncidentId id, TriageDecision decision) {
        Outcome<IncidentView> outcome = switch (decision.decision()) {
            case ACCEPT -> transition(id, new IncidentCommands.Transition(Status.TRIAGE, null, decision.version()))
                    .flatMap(triaged -> transition(id, new IncidentCommands.Transition(Status.ANALYSIS, null,
                            triaged.version())));
            case DISMISS -> decision.reason() == null || decision.reason().isBlank()
                    ? Outcome.refused(Refusal.invalid("reason", "dismissing needs a reason the reporter will read"))
                    : transition(id, new IncidentCommands.Transition(Status.TRIAGE, null, decision.version()))
                            .flatMap(triaged -> transition(id, new IncidentCommands.Transition(Status.DISMISSED,
                                    decision.reason(), triaged.version())));
            case MERGE -> decision.target() == null
                    ? Outcome.refused(Refusal.invalid("target", "merging needs the incident to merge into"))
                    : merge(id, new IncidentCommands.Merge(decision.target(), decision.version()));
        };
        if (outcome instanceof Outcome.Refused<IncidentView>) {
            org.springframework.transaction.interceptor.TransactionAspectSupport.currentTransactionStatus()
                    .setRollbackOnly();
        }
        return outcome;
    }

    /** Applies one change to each selected incident on its own; says per incident whether it was done. */
    @Transactional
    public Outcome<List<BulkAction.Result>> bulk(BulkAction action) {
        if (action.action() == BulkAction.Action.TRANSITION && action.to() == null) {
            return Outcome.refused(Refusal.invalid("to", "a bulk transition needs the status to move to"));
        }
        List<BulkAction.Result> results = new java.util.ArrayList<>();
        for (IncidentId id : new java.util.LinkedHashSet<>(action.incidents())) {
            long version = incidents.findById(id.value()).map(Incident::version).orElse(-1L);
            Outcome<IncidentView> outcome = version < 0 ? Outcome.refused(Refusal.notFound("incident " + id))
                    : switch (action.action()) {
                        case ASSIGN -> assign(id, new IncidentCommands.Assign(action.owner(), action.team(),
                                businessUnitOf(id), version));
                        case TRANSITION -> transition(id, new IncidentCommands.Transition(action.to(),
                                action.reason(), version));
                    };
            results.add(outcome instanceof Outcome.Refused<IncidentView> refused
                    ? new BulkAction.Result(id, false, refused.refusal().message())
                    : new BulkAction.Result(id, true, null));
        }
        return Outcome.done(results);
    }

    private io.cairn.identity.@Nullable BusinessUnitId businessUnitOf(IncidentId id) {
        return incidents.findById(id.value()).map(i -> i.view(matrices.current()).businessUnit()).orElse(null);
    }

    /** The signed-in user's saved views of the list. */
    @Transactional(readOnly = true)
    public List<SavedView> savedViews() {
        return savedViews.of(identity.requireActor().id());
    }

    /** Keeps a filter of the list under a name, for the signed-in user. */
    @Transactional
    public Outcome<SavedView> saveView(String name, String query) {
        UserId owner = identity.requireActor().id();
        String trimmed = name.trim();
        String filters = query.startsWith("?") ? query.substring(1) : query;
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            return Outcome.refused(Refusal.invalid("name", "must be 1 to 100 characters"));
        }
        if (filters.length() > 2_000 || filters.contains("cursor=")) {
            return Outcome.refused(Refusal.invalid("query", "must be a list filter of at most 2000 characters, "
                    + "without a page cursor"));
        }
        if (savedViews.nameTaken(owner, trimmed)) {
            return Outcome.refused(Refusal.conflict("name", "you already have a view with this name"));
        }
        return Outcome.done(savedViews.add(owner, trimmed, filters, clock.instant()));
    }

    /** Removes one of the signed-in user's saved views. */
    @Transactional
    public Outcome<java.util.UUID> removeView(java.util.UUID id) {
        return savedViews.remove(identity.requireActor().id(), id) ? Outcome.done(id)
                : Outcome.refused(Refusal.notFound("saved view " + id));
    }

    // --- the shape every change has --------------------------------------------------------------------------------

    /**
     * Loads the incident, checks that the actor may handle it and that they saw the stored version, applies the verb,
     * saves, appends to the timeline under the verb of the change's event and publishes that event; a refusal leaves
     * everything as it was.
     */
    private Outcome<IncidentView> change(IncidentId id, long expectedVersion,
            Function<Incident, Optional<Refusal>> apply, Function<Incident, Map<String, String>> facts,
            @Nullable String note, Change changed) {
        Actor actor = identity.requireActor();
        // Locked, so that of two writers with the same version the second sees the first one's version and is refused
        // here, as a value; the version check at the save cannot be caught inside the transaction: the repository's
        // own transaction boundary has already marked it rollback-only by then.
        Optional<Incident> found = incidents.findLockedById(id.value()).filter(i -> IncidentAccess.maySee(actor, i));
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
        incidents.save(incident);
        Instant now = clock.instant();
        IncidentChanged.StateChange event = changed.of(incident, actor.ref(), now, before, digest(incident));
        timeline.append(id, now, actor.ref(), event.verb(), facts.apply(incident), note);
        events.publishEvent(event);
        return Outcome.done(incident.view(matrices.current()));
    }

    /** The event of one verb's change, from the changed incident and what every change records. */
    @FunctionalInterface
    private interface Change {
        IncidentChanged.StateChange of(Incident changed, ActorRef actor, Instant at, String digestBefore,
                String digestAfter);
    }

    private Optional<Incident> handleable(Actor actor, IncidentId id) {
        return incidents.findById(id.value()).filter(i -> IncidentAccess.mayHandle(actor, i));
    }

    private Optional<Incident> visible(IncidentId id, ConfidentialIncidentViewed.Part what) {
        Actor actor = identity.requireActor();
        Optional<Incident> found = incidents.findById(id.value()).filter(i -> IncidentAccess.maySee(actor, i));
        found.filter(Incident::confidential).ifPresent(incident -> events.publishEvent(
                new ConfidentialIncidentViewed(id, actor.ref(), clock.instant(), what)));
        return found;
    }

    private Optional<Refusal> assignmentProblem(@Nullable UserId owner, io.cairn.identity.@Nullable TeamId team,
            io.cairn.identity.@Nullable BusinessUnitId businessUnit) {
        if (owner != null && !identity.userExists(owner)) {
            return Optional.of(Refusal.invalid("owner", "user {0} does not exist", owner.toString()));
        }
        if (team != null && !identity.teamExists(team)) {
            return Optional.of(Refusal.invalid("team", "team {0} does not exist", team.toString()));
        }
        if (businessUnit != null && !identity.businessUnitExists(businessUnit)) {
            return Optional.of(Refusal.invalid("businessUnit", "business unit {0} does not exist",
                    businessUnit.toString()));
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
        return Refusal.invalid("category", "''{0}/{1}'' is not an RSIT class and type", category.rsitClass(),
                category.rsitType());
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
