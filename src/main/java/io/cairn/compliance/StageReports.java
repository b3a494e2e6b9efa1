package io.cairn.compliance;

import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.Language;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The reports of obligations' stages: finds the stage of an incident's obligation, drafts its report from the incident
 * and its compliance records until a handler saves a draft, and shows it with its submissions.
 */
@Component
class StageReports {

    /** An incident's obligation's stage that has (or had) a report: open, or submitted. */
    record Target(ComplianceAccess.IncidentGrant grant, Obligations.Stored obligation, Regime.Stage stage) {

        StageState state() {
            return java.util.Objects.requireNonNull(obligation.stages().get(stage.id()));
        }
    }

    private final Obligations obligations;
    private final ObligationReading reading;
    private final SubmissionDrafts drafts;
    private final Submissions submissions;
    private final IncidentFacts facts;
    private final IncidentDecisions decisions;
    private final LegalEntities entities;
    private final IncidentsForSystem incidents;
    private final UsersForSystem users;
    private final MessageSource messages;
    private final Clock clock;

    StageReports(
            Obligations obligations,
            ObligationReading reading,
            SubmissionDrafts drafts,
            Submissions submissions,
            IncidentFacts facts,
            IncidentDecisions decisions,
            LegalEntities entities,
            IncidentsForSystem incidents,
            UsersForSystem users,
            MessageSource messages,
            Clock clock) {
        this.obligations = obligations;
        this.reading = reading;
        this.drafts = drafts;
        this.submissions = submissions;
        this.facts = facts;
        this.decisions = decisions;
        this.entities = entities;
        this.incidents = incidents;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    /** The stage of the incident's obligation, if it has a report: 404 when there is no such stage, 409 unopened. */
    Outcome<Target> locate(ComplianceAccess.IncidentGrant grant, UUID obligation, String stage) {
        Optional<Obligations.Stored> found = obligations
                .find(obligation)
                .filter(stored -> stored.incident().equals(grant.incident().id()));
        Optional<Regime.Stage> rules = found.flatMap(stored -> stored.rules().stage(stage))
                .filter(known -> found.get().stages().containsKey(known.id()));
        if (rules.isEmpty()) {
            return Outcome.refused(Refusal.notFound("stage " + abbreviated(stage) + " of obligation " + obligation));
        }
        Target target = new Target(grant, found.get(), rules.get());
        StageState state = target.state();
        boolean open = state.required() && found.get().closedAt() == null;
        if (!open && state.submittedAt() == null) {
            return Outcome.refused(Refusal.of(Refusal.Kind.CONFLICT, ComplianceRefusals.STAGE_NOT_OPEN, stage));
        }
        return Outcome.done(target);
    }

    /** Every stage of the incident's obligations that has a report, as {@link #view} shows it. */
    List<ReportDraftView> ofIncident(ComplianceAccess.IncidentGrant grant) {
        return obligations.ofIncident(grant.incident().id()).stream()
                .flatMap(obligation ->
                        obligation.rules().stages().stream().map(stage -> locate(grant, obligation.id(), stage.id())))
                .flatMap(outcome -> outcome instanceof Outcome.Done<Target> done
                        ? java.util.stream.Stream.of(done.value())
                        : java.util.stream.Stream.empty())
                .map(this::view)
                .toList();
    }

    /** The report's fields: the saved draft's, and for fields it lacks what the incident says of them. */
    Map<String, String> fields(Target target) {
        Optional<SubmissionDrafts.Stored> saved =
                drafts.find(target.obligation().id(), target.stage().id());
        Map<String, String> fields = new LinkedHashMap<>(ReportDrafting.draft(target.stage(), sources(target)));
        saved.ifPresent(draft -> fields.putAll(draft.fields()));
        return fields;
    }

    /** The draft's version: 0 until it is first saved. */
    long version(Target target) {
        return drafts.find(target.obligation().id(), target.stage().id())
                .map(SubmissionDrafts.Stored::version)
                .orElse(0L);
    }

    ReportDraftView view(Target target) {
        Optional<SubmissionDrafts.Stored> saved =
                drafts.find(target.obligation().id(), target.stage().id());
        Map<String, String> fields = fields(target);
        ObligationView obligation = reading.views(List.of(target.obligation())).get(0);
        ObligationView.Stage stage = obligation.stages().stream()
                .filter(found -> found.stage().equals(target.stage().id()))
                .findFirst()
                .orElseThrow();
        List<ReportDraftView.Field> shown = fields.entrySet().stream()
                .map(field -> new ReportDraftView.Field(
                        field.getKey(),
                        label(field.getKey()),
                        target.stage().mandatoryFields().contains(field.getKey()),
                        field.getValue()))
                .toList();
        return new ReportDraftView(
                target.obligation().id(),
                target.obligation().incident(),
                obligation.regime(),
                stage.stage(),
                stage.name(),
                stage.recipient(),
                stage.status(),
                stage.dueAt(),
                stage.internalTarget(),
                shown,
                ReportDrafting.missing(target.stage(), fields),
                saved.map(SubmissionDrafts.Stored::version).orElse(0L),
                saved.map(SubmissionDrafts.Stored::updatedByName).orElse(null),
                saved.map(SubmissionDrafts.Stored::updatedAt).orElse(null),
                submissions.of(target.obligation().id(), target.stage().id()).stream()
                        .map(Submissions.Stored::view)
                        .toList());
    }

    /** What the report is about, for its JSON. */
    SubmissionContent.Subject subject(Target target) {
        IncidentView incident = target.grant().incident();
        Regime rules = target.obligation().rules();
        String entity = entities.find(target.obligation().legalEntity())
                .map(found -> found.profile().name())
                .orElse(target.obligation().legalEntity().toString());
        return new SubmissionContent.Subject(
                incident.reference(),
                incident.title(),
                rules.id().value(),
                rules.version(),
                rules.name().in(Language.ENGLISH),
                target.stage().id(),
                target.stage().name().in(Language.ENGLISH),
                entity,
                target.state().dueAt());
    }

    /** The field's name in the reader's language; the field's id when no text names it. */
    String label(String field) {
        String label = messages.getMessage("compliance.field." + field, null, field, LocaleContextHolder.getLocale());
        return label == null ? field : label;
    }

    /** The instant the clock reads now. */
    java.time.Instant now() {
        return clock.instant();
    }

    private ReportDrafting.Sources sources(Target target) {
        IncidentView incident = target.grant().incident();
        List<String> indicators = incidents.observables(incident.id()).stream()
                .map(observable -> observable.type() + ": " + observable.value())
                .toList();
        String contact = entities.find(target.obligation().legalEntity())
                .flatMap(entity -> Optional.ofNullable(entity.profile().privacyOfficer()))
                .flatMap(officer -> users.users(List.of(officer)).stream().findFirst())
                .map(StageReports::contact)
                .orElse("");
        return new ReportDrafting.Sources(
                incident, decisions.of(incident.id()), facts.of(incident.id()), indicators, contact);
    }

    private static String contact(UserView officer) {
        return officer.email() == null ? officer.displayName() : officer.displayName() + " <" + officer.email() + ">";
    }

    private static String abbreviated(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
