package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of personal-data breaches (GDPR Art. 33(5)): every incident with a personal-data-breach decision,
 * whatever its answer, with what its decisions, facts, obligations, drafts and submissions say. It reads incidents as
 * the system does: a privacy officer keeps the register of every breach, also of incidents they may not open, and it
 * holds no technical evidence (no observables, no attachments).
 */
@Component
class BreachRegister {

    /** The filters of the register: a period of registration instants, and a legal entity. */
    record Filter(
            @Nullable Instant from,
            @Nullable Instant until,
            @Nullable LegalEntityId legalEntity) {}

    private final JdbcClient jdbc;
    private final IncidentsForSystem incidents;
    private final IncidentDecisions decisions;
    private final IncidentFacts facts;
    private final Obligations obligations;
    private final Submissions submissions;
    private final SubmissionDrafts drafts;
    private final IncidentEntities entities;

    BreachRegister(
            JdbcClient jdbc,
            IncidentsForSystem incidents,
            IncidentDecisions decisions,
            IncidentFacts facts,
            Obligations obligations,
            Submissions submissions,
            SubmissionDrafts drafts,
            IncidentEntities entities) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.decisions = decisions;
        this.facts = facts;
        this.obligations = obligations;
        this.submissions = submissions;
        this.drafts = drafts;
        this.entities = entities;
    }

    /** The entries within the filter, the latest registered first. */
    List<BreachRegisterEntry> entries(Filter filter) {
        List<IncidentId> assessed = jdbc
                .sql("select distinct incident_id from compliance_decision where kind = ?")
                .param(DecisionKind.PERSONAL_DATA_BREACH.code())
                .query(UUID.class)
                .list()
                .stream()
                .map(IncidentId::new)
                .toList();
        Map<IncidentId, IncidentView> found = incidents.incidents(assessed);
        return assessed.stream()
                .map(found::get)
                .filter(Objects::nonNull)
                .map(this::entry)
                .flatMap(Optional::stream)
                .filter(entry -> within(entry, filter))
                .sorted(Comparator.comparing(BreachRegisterEntry::registeredAt).reversed())
                .toList();
    }

    private static boolean within(BreachRegisterEntry entry, Filter filter) {
        return (filter.from() == null || !entry.registeredAt().isBefore(filter.from()))
                && (filter.until() == null || entry.registeredAt().isBefore(filter.until()))
                && (filter.legalEntity() == null || filter.legalEntity().equals(entry.legalEntity()));
    }

    private Optional<BreachRegisterEntry> entry(IncidentView incident) {
        Map<DecisionKind, DecisionView> decided = decisions.of(incident.id());
        DecisionView breach = decided.get(DecisionKind.PERSONAL_DATA_BREACH);
        if (breach == null) {
            return Optional.empty();
        }
        RegimeFactView aware = facts.of(incident.id()).get(new FactKey("gdpr", "awareness"));
        Optional<Obligations.Stored> gdpr = obligations.ofIncident(incident.id()).stream()
                .filter(obligation -> obligation.rules().id().value().startsWith("gdpr"))
                .filter(obligation -> obligation.closedAt() == null)
                .findFirst();
        BreachNotification notification = BreachNotification.of(decided, gdpr, submissions, drafts);
        Optional<LegalEntities.Stored> entity = entities.of(incident).entity();
        return Optional.of(entry(incident, breach, decided, aware, entity, notification));
    }

    private static BreachRegisterEntry entry(
            IncidentView incident,
            DecisionView breach,
            Map<DecisionKind, DecisionView> decided,
            @Nullable RegimeFactView aware,
            Optional<LegalEntities.Stored> entity,
            BreachNotification notification) {
        DecisionView risk = decided.get(DecisionKind.GDPR_RISK);
        DecisionView.Version first = breach.history().get(breach.history().size() - 1);
        DecisionInputs inputs = DecisionInputs.stored(
                DecisionRule.of(DecisionKind.PERSONAL_DATA_BREACH).inputs(),
                breach.current().inputs());
        return new BreachRegisterEntry(
                incident.id(),
                incident.reference(),
                incident.title(),
                entity.map(LegalEntities.Stored::id).orElse(null),
                entity.map(found -> found.profile().name()).orElse(null),
                aware != null ? aware.at() : first.decidedAt(),
                incident.detectedAt(),
                aware == null ? null : aware.at(),
                breach.current().result(),
                breach.current().rationale(),
                first.decidedAt(),
                breach.current().decidedByName(),
                inputs.choices("breach-types"),
                inputs.text("data-categories"),
                inputs.text("subject-categories"),
                inputs.count("approximate-subjects").orElse(null),
                inputs.count("approximate-records").orElse(null),
                PersonalDataBreachRule.specialOrCriminal(inputs),
                risk == null ? null : risk.current().result(),
                risk == null ? null : risk.current().rationale(),
                (incident.title() + "\n" + incident.description()).strip(),
                notification.effects(risk),
                notification.remedialAction(),
                notification.state(),
                notification.authorityNotifiedAt(),
                notification.authorityReference(),
                notification.subjectsNotifiedAt(),
                exemption(decided).map(DecisionView.Version::result).orElse(null),
                exemption(decided).map(BreachRegister::exemptionReason).orElse(null),
                notification.publicCommunicationAt(),
                notification.notNotifiedBecause(breach, risk),
                notification.delayReasons());
    }

    /** The exemption of Art. 34(3) in force, if one was decided. */
    private static Optional<DecisionView.Version> exemption(Map<DecisionKind, DecisionView> decided) {
        return Optional.ofNullable(decided.get(DecisionKind.GDPR_COMMUNICATION_EXEMPTION))
                .map(DecisionView::current)
                .filter(current -> !current.result().equals("none"));
    }

    /** An exemption's rationale and the evidence it names. */
    private static String exemptionReason(DecisionView.Version exemption) {
        Object evidence = exemption.inputs().get("evidence");
        return evidence == null ? exemption.rationale() : exemption.rationale() + "\n" + evidence;
    }
}
