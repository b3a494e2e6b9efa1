package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of compliance: the regimes in force (readers of regimes), loading the regime files again (admins),
 * and the legal entities with their regulatory profile. It checks the rights ({@link ComplianceAccess}) and hands each
 * request to the part of the module that does it.
 */
@Service
public class ComplianceManagement {

    private final ComplianceAccess access;
    private final RegimeCatalogue catalogue;
    private final LegalEntityEditing entities;
    private final ComplianceRecording recording;
    private final IncidentComplianceReading reading;
    private final ObligationRebasing rebasing;
    private final ObligationListing listing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ComplianceManagement(
            ComplianceAccess access,
            RegimeCatalogue catalogue,
            LegalEntityEditing entities,
            ComplianceRecording recording,
            IncidentComplianceReading reading,
            ObligationRebasing rebasing,
            ObligationListing listing,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.catalogue = catalogue;
        this.entities = entities;
        this.recording = recording;
        this.reading = reading;
        this.rebasing = rebasing;
        this.listing = listing;
        this.events = events;
        this.clock = clock;
    }

    // --- an incident's facts and decisions -----------------------------------------------------------------------

    /** The incident's regime facts and decision records (staff who see the incident). */
    @Transactional // a read of a confidential incident is audited
    public Outcome<IncidentComplianceView> incidentCompliance(IncidentId id) {
        return access.requireIncidentReader(id).map(reading::of);
    }

    /** One regime fact of the incident with its history (staff who see the incident). */
    @Transactional
    public Outcome<RegimeFactView> regimeFact(IncidentId id, String fact) {
        return incidentCompliance(id)
                .flatMap(view -> view.facts().stream()
                        .filter(found -> found.fact().equals(fact))
                        .findFirst()
                        .map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(Refusal.notFound("fact " + abbreviated(fact)))));
    }

    /** One decision record of the incident with its re-assessments (staff who see the incident). */
    @Transactional
    public Outcome<DecisionView> decision(IncidentId id, String kind) {
        return incidentCompliance(id)
                .flatMap(view -> view.decisions().stream()
                        .filter(found -> found.kind().equals(kind))
                        .findFirst()
                        .map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(Refusal.notFound("decision " + abbreviated(kind)))));
    }

    /**
     * Sets a regime fact of the incident (coordinators, privacy officers, handlers who may handle it), as a new
     * version if it is still at the version the user read (0 for a first). Audited.
     */
    @Transactional
    public Outcome<RegimeFactView> recordFact(
            IncidentId id, String fact, @Nullable Instant at, @Nullable String justification, long version) {
        return access.requireIncidentRecorder(id)
                .flatMap(grant -> recording.recordFact(grant, fact, at, justification, version));
    }

    /** Records a decision about the incident, or re-assesses it, as for {@link #recordFact}. Audited. */
    @Transactional
    public Outcome<DecisionView> recordDecision(IncidentId id, String kind, DecisionRequest request) {
        return access.requireIncidentRecorder(id).flatMap(grant -> recording.recordDecision(grant, kind, request));
    }

    // --- regimes -------------------------------------------------------------------------------------------------

    /** The regimes in force, by id. */
    public Outcome<List<RegimeView>> regimes() {
        return access.requireRegimeReader()
                .map(actor -> catalogue.current().regimes().values().stream()
                        .map(RegimeView::of)
                        .toList());
    }

    /** The regime in force of the id. */
    public Outcome<RegimeView> regime(String id) {
        return access.requireRegimeReader()
                .flatMap(actor -> RegimeId.parse(id)
                        .flatMap(catalogue::find)
                        .map(RegimeView::of)
                        .map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(Refusal.of(
                                Refusal.Kind.NOT_FOUND, ComplianceRefusals.REGIME_NOT_FOUND, abbreviated(id)))));
    }

    /** What the last load gave: the regimes in force and the files it refused (admin). */
    public Outcome<RegimeView.Load> regimeLoad() {
        return access.requireAdmin("see how the regimes were loaded").map(actor -> loadView(catalogue.current()));
    }

    /**
     * Reads the regime files again (admin): a file that is refused changes nothing, and what it gave before stays in
     * force. The audit trail records the load.
     */
    @Transactional
    public Outcome<RegimeView.Load> reloadRegimes() {
        return access.requireAdmin("load the regimes again").map(actor -> {
            String before = digest(catalogue.current());
            RegimeCatalogue.Load load = catalogue.reload();
            events.publishEvent(
                    new RegimesLoaded(actor.ref(), clock.instant(), Optional.of(before), Optional.of(digest(load))));
            return loadView(load);
        });
    }

    // --- obligations across incidents ------------------------------------------------------------------------------

    /**
     * The obligations with a stage in the state ({@code overdue}, {@code due-soon}, or {@code open} for all with a
     * required stage), earliest due first, of the incidents the user sees (coordinators, privacy officers).
     */
    @Transactional // a read of a confidential incident is audited
    public Outcome<List<ObligationEntry>> obligations(String state) {
        return access.requireObligationReader()
                .flatMap(actor -> ObligationListing.STATES.contains(state)
                        ? Outcome.done(listing.inState(state))
                        : Outcome.refused(Refusal.invalid(
                                "state", SharedRefusals.MUST_BE_ONE_OF, String.join(", ", ObligationListing.STATES))));
    }

    // --- re-basing obligations ----------------------------------------------------------------------------------

    /** The open obligations that count by an older (or other) regime version than the one in force (admin). */
    @Transactional(readOnly = true)
    public Outcome<List<ObligationView>> rebaseCandidates() {
        return access.requireAdmin("re-base obligations").map(actor -> rebasing.candidates());
    }

    /** Each stage's due instant under the obligation's regime version and the one in force (admin). */
    @Transactional(readOnly = true)
    public Outcome<RebasePreview> rebasePreview(UUID obligation) {
        return access.requireAdmin("re-base obligations").flatMap(actor -> rebasing.preview(obligation));
    }

    /** Re-bases an open obligation on the regime version in force if it is still at the version the admin saw. */
    @Transactional
    public Outcome<ObligationView> rebase(UUID obligation, long version) {
        return access.requireAdmin("re-base obligations").flatMap(actor -> rebasing.rebase(actor, obligation, version));
    }

    // --- legal entities ------------------------------------------------------------------------------------------

    /** The legal entities by name (coordinators, privacy officers, admins). */
    @Transactional(readOnly = true)
    public Outcome<List<LegalEntityView>> legalEntities() {
        return access.requireEntityReader().map(actor -> entities.all());
    }

    /** One legal entity (coordinators, privacy officers, admins). */
    @Transactional(readOnly = true)
    public Outcome<LegalEntityView> legalEntity(LegalEntityId id) {
        return access.requireEntityReader().flatMap(actor -> entities.one(id));
    }

    /** Creates a legal entity with its regulatory profile (admin); every field at fault is named. Audited. */
    @Transactional
    public Outcome<LegalEntityView> createLegalEntity(LegalEntityDefinition definition) {
        return access.requireAdmin("create legal entities").flatMap(actor -> entities.create(actor, definition));
    }

    /** Replaces a legal entity's profile (admin) if it is still at the version the admin read. Audited. */
    @Transactional
    public Outcome<LegalEntityView> changeLegalEntity(
            LegalEntityId id, LegalEntityDefinition definition, long version) {
        return access.requireAdmin("change legal entities")
                .flatMap(actor -> entities.change(actor, id, definition, version));
    }

    private static RegimeView.Load loadView(RegimeCatalogue.Load load) {
        return new RegimeView.Load(
                load.regimes().values().stream().map(RegimeView::of).toList(),
                load.refusals().stream().map(RegimeView.FileRefusal::of).toList(),
                load.at());
    }

    private static String digest(RegimeCatalogue.Load load) {
        String regimes = load.regimes().values().stream()
                .map(inForce -> inForce.regime().id() + "@" + inForce.regime().version() + ":" + inForce.file())
                .collect(Collectors.joining("\n"));
        String refusals = load.refusals().stream().map(RegimeProblem::toString).collect(Collectors.joining("\n"));
        return ContentDigest.of(regimes + "\n--\n" + refusals).hex();
    }

    private static String abbreviated(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
