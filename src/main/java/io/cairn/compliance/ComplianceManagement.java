package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
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
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ComplianceManagement(
            ComplianceAccess access,
            RegimeCatalogue catalogue,
            LegalEntityEditing entities,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.catalogue = catalogue;
        this.entities = entities;
        this.events = events;
        this.clock = clock;
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
