package io.cairn.incidents;

import io.cairn.assets.ServiceId;
import io.cairn.identity.UserId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The incidents module's entry point: report, read, list and change incidents through named commands. It hands each
 * request to the service of its use case, where the rules are:
 *
 * <ul>
 *   <li>{@link Reporting}, with {@link ReportChecks}: reporting, by the signed-in user or through intake's channels.
 *   <li>{@link IncidentReading}: one incident, its timeline, the list and the reporter's own reports.
 *   <li>{@link IncidentLifecycle}: assignment, priority, category, status, markings, title and times.
 *   <li>{@link Triage}: deciding about new reports, and one change to many incidents.
 *   <li>{@link Conversation}: notes, and the conversation with the reporter.
 *   <li>{@link Linking}: links between incidents, and merging.
 *   <li>{@link ObservableKeeping}: the incident's observables, and the other incidents that share them.
 *   <li>{@link SavedViewKeeping} and {@link PriorityMatrixAdministration}: saved views and the priority matrix.
 * </ul>
 * Every call acts for the signed-in user and sees only what they may see ({@link IncidentAccess} has the rules,
 * {@link IncidentChanges} applies them); an incident they may not see is reported as absent. Each change appends to
 * the timeline and publishes an event that the audit trail records in the same transaction. Only what other modules
 * use is public; the module's own pages and API call the rest, and intake's channels reach the calls without access
 * checks through {@link io.cairn.incidents.channels.ReporterChannels}.
 */
@Service
public class IncidentManagement {

    /** How the timeline and the audit trail name a person who reported without an account. */
    public static final ActorRef ANONYMOUS = new ActorRef("anonymous", "anonymous reporter");

    private final Reporting reporting;
    private final IncidentReading reading;
    private final IncidentLifecycle lifecycle;
    private final Triage triage;
    private final Conversation conversation;
    private final Linking linking;
    private final SavedViewKeeping savedViews;
    private final PriorityMatrixAdministration matrices;
    private final ObservableKeeping observables;
    private final AffectedServiceKeeping affectedServices;

    IncidentManagement(
            Reporting reporting,
            IncidentReading reading,
            IncidentLifecycle lifecycle,
            Triage triage,
            Conversation conversation,
            Linking linking,
            SavedViewKeeping savedViews,
            PriorityMatrixAdministration matrices,
            ObservableKeeping observables,
            AffectedServiceKeeping affectedServices) {
        this.reporting = reporting;
        this.reading = reading;
        this.lifecycle = lifecycle;
        this.triage = triage;
        this.conversation = conversation;
        this.linking = linking;
        this.savedViews = savedViews;
        this.matrices = matrices;
        this.observables = observables;
        this.affectedServices = affectedServices;
    }

    // --- reporting -----------------------------------------------------------------------------------------------

    /** Reports a new incident for the signed-in user. */
    public Outcome<IncidentView> report(NewIncident report) {
        return reporting.report(report, false);
    }

    /**
     * Reports a new incident for the signed-in user through a channel whose configuration routes it, such as a
     * report template with a default team: the team is the channel's choice, not the reporter's.
     */
    public Outcome<IncidentView> reportRouted(NewIncident report) {
        return reporting.report(report, true);
    }

    /**
     * Why {@link #report} would refuse this report of the signed-in user, checked without opening anything: for a
     * channel that may count a repeat on an open incident instead, so that a repeat is checked like a first report.
     */
    public Optional<Refusal> reportRefusal(NewIncident report) {
        return reporting.refusal(report);
    }

    // --- reading -------------------------------------------------------------------------------------------------

    /** How many open incidents each of these users owns; users who own none are absent. */
    public Map<UserId, Long> openIncidentCounts(Collection<UserId> owners) {
        return reading.openIncidentCounts(owners);
    }

    /** One incident, if the signed-in user may see it. A read of a confidential incident is audited. */
    public Optional<IncidentView> incident(IncidentId id) {
        return reading.incident(id);
    }

    /**
     * The incident a person names by its reference ({@code INC-12}, or just {@code 12}) or by its id, if the
     * signed-in user may see it; for forms where people type the other incident of a link or a merge.
     */
    public Optional<IncidentId> resolveReference(String referenceOrId) {
        return reading.resolveReference(referenceOrId);
    }

    /** The timeline of an incident the signed-in user may see, oldest first. */
    Optional<List<TimelineEntry>> timeline(IncidentId id) {
        return reading.timeline(id);
    }

    /** The links of an incident, leaving out incidents the signed-in user may not see. */
    Optional<List<IncidentLink>> links(IncidentId id) {
        return linking.links(id);
    }

    /** A page of the incidents the signed-in user may see. */
    Outcome<IncidentPage> list(IncidentFilter filter) {
        return reading.list(filter);
    }

    /** The incidents the signed-in user reported, newest first, 25 a page; for the reporter's "My reports". */
    public Outcome<IncidentPage> myReports(@Nullable String cursor) {
        return reading.myReports(cursor);
    }

    /** The priority matrix in force. */
    public PriorityMatrix priorityMatrix() {
        return matrices.current();
    }

    /**
     * Replaces the priority matrix (admin only). Incidents keep the priority they have until they are
     * reprioritised.
     */
    public Outcome<PriorityMatrix> replacePriorityMatrix(PriorityMatrixDefinition definition) {
        return matrices.replace(definition);
    }

    /**
     * The RSIT classes and types an incident can be categorised as: class value, label and its types, named and
     * described in the reader's language.
     */
    public List<CategoryChoice> categories() {
        return reading.categories();
    }

    /** One RSIT class/type pair with its labels, for pickers. */
    public record CategoryChoice(Category category, String classLabel, String typeLabel, String description) {}

    /** The category as people read it in the reader's language, for example "Fraud / Phishing". */
    public String categoryLabel(Category category) {
        return reading.categoryLabel(category);
    }

    // --- changing ------------------------------------------------------------------------------------------------

    /** Gives the incident its owner, team and business unit. */
    public Outcome<IncidentView> assign(IncidentId id, IncidentCommands.Assign command) {
        return lifecycle.assign(id, command);
    }

    /** Sets impact and urgency; the priority follows from the matrix. */
    Outcome<IncidentView> reprioritise(IncidentId id, IncidentCommands.Reprioritise command) {
        return lifecycle.reprioritise(id, command);
    }

    /** Sets the RSIT category, and the severity and determination if given. */
    Outcome<IncidentView> recategorise(IncidentId id, IncidentCommands.Recategorise command) {
        return lifecycle.recategorise(id, command);
    }

    /** Moves the incident to another status, if the lifecycle and every transition rule allow it. */
    public Outcome<IncidentView> transition(IncidentId id, IncidentCommands.Transition command) {
        return lifecycle.transition(id, command);
    }

    /** Changes the markings; lowering the TLP needs a reason (see {@link Incident#mark}). */
    public Outcome<IncidentView> mark(IncidentId id, IncidentCommands.Mark command) {
        return lifecycle.mark(id, command);
    }

    /** Replaces title and description. */
    Outcome<IncidentView> describe(IncidentId id, IncidentCommands.Describe command) {
        return lifecycle.describe(id, command);
    }

    /** Records who or what detected the incident. */
    Outcome<IncidentView> recordDetection(IncidentId id, IncidentCommands.RecordDetection command) {
        return lifecycle.recordDetection(id, command);
    }

    /** Records when the incident occurred and was detected. */
    Outcome<IncidentView> recordTimes(IncidentId id, IncidentCommands.RecordTimes command) {
        return lifecycle.recordTimes(id, command);
    }

    /** Adds a note; handlers, and the reporter of the incident, may. */
    public Outcome<TimelineEntry> addNote(IncidentId id, IncidentCommands.AddNote command) {
        return conversation.addNote(id, command);
    }

    // --- the conversation with the reporter ----------------------------------------------------------------------

    /** A handler asks the reporter a question; the reporter reads it in their follow-up view. */
    public Outcome<TimelineEntry> askReporter(IncidentId id, IncidentCommands.AddNote question) {
        return conversation.askReporter(id, question);
    }

    /** The signed-in reporter of the incident answers, or adds to their report. */
    public Outcome<TimelineEntry> replyAsReporter(IncidentId id, IncidentCommands.AddNote reply) {
        return conversation.replyAsReporter(id, reply);
    }

    /** What the signed-in reporter sees of an incident they reported: status, outcome and the conversation. */
    public Optional<ReporterView> reporterView(IncidentId id) {
        return conversation.reporterView(id);
    }

    // --- links and merge -------------------------------------------------------------------------------------------

    /** Links this incident to another; a child has one parent, and parents form no cycle. */
    Outcome<List<IncidentLink>> link(IncidentId id, IncidentCommands.Link command) {
        return linking.link(id, command);
    }

    /** Merges this incident into the target, closing it as a duplicate. */
    Outcome<IncidentView> merge(IncidentId id, IncidentCommands.Merge command) {
        return linking.merge(id, command);
    }

    // --- the handler's workspace: triage, bulk changes, saved views ------------------------------------------------

    /** Accepts, dismisses or merges a new report; all of the decision or none of it. */
    public Outcome<IncidentView> triage(IncidentId id, TriageDecision decision) {
        return triage.triage(id, decision);
    }

    /** Applies one change to each selected incident on its own; says per incident whether it was done. */
    Outcome<List<BulkAction.Result>> bulk(BulkAction action) {
        return triage.bulk(action);
    }

    /** The signed-in user's saved views of the list. */
    List<SavedView> savedViews() {
        return savedViews.savedViews();
    }

    /** Keeps a filter of the list under a name, for the signed-in user. */
    Outcome<SavedView> saveView(String name, String query) {
        return savedViews.save(name, query);
    }

    /** Removes one of the signed-in user's saved views. */
    Outcome<SavedViewId> removeView(SavedViewId id) {
        return savedViews.remove(id);
    }

    // --- observables -------------------------------------------------------------------------------------------------

    /** The observable types to choose from. */
    List<ObservableType> observableTypes() {
        return observables.types();
    }

    /**
     * The normal form of a value of an observable type, or why it is none: for a channel that refuses what it cannot
     * store before it opens anything. Reads and changes nothing.
     */
    public Outcome<String> observableValue(String type, String value) {
        return observables.normalise(type, value);
    }

    /**
     * The observables of an incident the signed-in user may read in full, each with the other incidents that share it
     * and that the user may see; a read of a confidential incident's observables is audited.
     */
    public Optional<List<IncidentObservable>> observables(IncidentId id) {
        return observables.list(id);
    }

    /**
     * Whether the signed-in user may handle the incident (change it, and decide about it, such as sharing it with
     * customers): by the same rule as every change of the incident.
     */
    public boolean mayHandle(IncidentId id) {
        return observables.mayChange(id);
    }

    /** Whether the signed-in user may add, revise and remove the incident's observables. */
    boolean mayChangeObservables(IncidentId id) {
        return observables.mayChange(id);
    }

    /** The incidents the signed-in user may read in full that have this observable, most recently reported first. */
    Outcome<List<SeenIn>> incidentsWithObservable(String type, String value) {
        return observables.search(type, value);
    }

    /**
     * Names the services the incident affects, replacing those named before, if the caller saw the incident's version;
     * a retired service cannot be newly named.
     */
    public Outcome<IncidentView> nameAffectedServices(IncidentId id, List<ServiceId> services, long version) {
        return affectedServices.name(id, services, version);
    }

    /** Adds an observable, checked and normalised for its type. */
    Outcome<IncidentObservable> addObservable(IncidentId id, ObservableCommands.Add command) {
        return observables.add(id, command);
    }

    /** Changes an observable's marking, IOC flag or note. */
    Outcome<IncidentObservable> reviseObservable(
            IncidentId id, ObservableId observable, ObservableCommands.Revise command) {
        return observables.revise(id, observable, command);
    }

    /** Removes an observable of the version the caller saw. */
    Outcome<ObservableId> removeObservable(IncidentId id, ObservableId observable, long version) {
        return observables.remove(id, observable, version);
    }
}
