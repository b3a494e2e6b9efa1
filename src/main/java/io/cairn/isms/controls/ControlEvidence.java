package io.cairn.isms.controls;

import io.cairn.handling.sla.BusinessCalendars;
import io.cairn.handling.sla.SlaCalendarView;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.isms.ControlEvidenceRead;
import io.cairn.isms.procedures.AnnexAControl;
import io.cairn.isms.procedures.ProcedureCatalogue;
import io.cairn.isms.procedures.ProcedureType;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of the evidence of controls: it checks who may read it (auditors, coordinators and admins) and what
 * is asked, records the read in the audit trail, and hands the reading to the form asked for: the page's report,
 * the PDF, the CSV or the JSON, the last two written as they are read.
 */
@Service
class ControlEvidence {

    /** The most runs the page shows; the CSV and the PDF hold every one. */
    static final int PAGE_RUNS = 100;
    /** The most runs a PDF holds; more are refused, for the CSV. */
    static final int PDF_RUNS = 5_000;

    /** A procedure type to choose on the page: its id and name in the reader's language. */
    public record TypeChoice(String id, String name) {}

    private final IdentityManagement identity;
    private final ProcedureCatalogue catalogue;
    private final EvidenceReader reader;
    private final EvidenceTexts texts;
    private final ControlEvidenceFiles files;
    private final ApplicationEventPublisher events;
    private final BusinessCalendars calendars;
    private final Clock clock;

    ControlEvidence(
            IdentityManagement identity,
            ProcedureCatalogue catalogue,
            EvidenceReader reader,
            EvidenceTexts texts,
            ControlEvidenceFiles files,
            BusinessCalendars calendars,
            ApplicationEventPublisher events,
            Clock clock) {
        this.calendars = calendars;
        this.identity = identity;
        this.catalogue = catalogue;
        this.reader = reader;
        this.texts = texts;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the signed-in user may read the evidence of controls. */
    boolean mayRead() {
        return identity.currentActor().map(ControlEvidence::reads).orElse(false);
    }

    /** The controls of Annex A and the procedure types, to choose from. */
    List<AnnexAControl> controls() {
        return catalogue.controls();
    }

    @Transactional(readOnly = true)
    List<TypeChoice> types() {
        return catalogue.types().stream()
                .map(type -> new TypeChoice(
                        type.id().toString(), catalogue.shown(type.definition().name())))
                .sorted(Comparator.comparing(TypeChoice::name))
                .toList();
    }

    /** The evidence as the page shows it: the summary, every exception, and the first runs. */
    @Transactional
    Outcome<ControlEvidenceReport> report(EvidenceAsked asked) {
        return checked(asked, "page", query -> Outcome.done(report(query, PAGE_RUNS)));
    }

    /** The auditor's report as a PDF in the reader's language; refused for a period of more runs than a PDF holds. */
    @Transactional
    Outcome<byte[]> pdf(EvidenceAsked asked) {
        return checked(asked, "pdf", query -> {
            ControlEvidenceReport report = report(query, PDF_RUNS + 1);
            if (report.summary().runs() > PDF_RUNS) {
                return Outcome.refused(Refusal.invalid(
                        "to",
                        ControlEvidenceRefusals.TOO_MANY_FOR_PDF,
                        String.valueOf(report.summary().runs()),
                        String.valueOf(PDF_RUNS)));
            }
            return Outcome.done(files.pdf(report));
        });
    }

    /** Writes the CSV to {@code out} once {@code start} was called; how many runs it wrote. */
    @Transactional
    Outcome<Long> csv(EvidenceAsked asked, Runnable start, Writer out) {
        return checked(asked, "csv", query -> {
            start.run();
            return Outcome.done(files.csv(query, clock.instant(), out));
        });
    }

    /** Writes the JSON to {@code out} once {@code start} was called; how many runs it wrote. */
    @Transactional
    Outcome<Long> json(EvidenceAsked asked, Runnable start, OutputStream out) {
        return checked(asked, "json", query -> {
            start.run();
            return Outcome.done(files.json(query, heading(query, clock.instant()), out));
        });
    }

    private <T> Outcome<T> checked(EvidenceAsked asked, String form, Function<EvidenceQuery, Outcome<T>> reading) {
        Actor actor = identity.requireActor();
        if (!reads(actor)) {
            return Outcome.refused(Refusal.forbidden(ControlEvidenceRefusals.NOT_ALLOWED));
        }
        return EvidenceQuery.of(
                        new EvidenceQuery.Given(
                                asked.control(),
                                asked.from(),
                                asked.to(),
                                asked.procedureType(),
                                asked.withinWorkingDays(),
                                asked.calendar()),
                        texts.zone(),
                        catalogue::control,
                        type -> catalogue.type(type).isPresent(),
                        this::calendar)
                .flatMap(query -> {
                    Outcome<T> read = reading.apply(query);
                    if (read instanceof Outcome.Done<T>) {
                        events.publishEvent(new ControlEvidenceRead(
                                query.control().number(),
                                query.from(),
                                query.to(),
                                form,
                                actor.ref(),
                                clock.instant()));
                    }
                    return read;
                });
    }

    private ControlEvidenceReport report(EvidenceQuery query, int keep) {
        Instant now = clock.instant();
        EvidenceTally tally = new EvidenceTally(keep, query.target());
        reader.each(query, now, tally);
        tally.acceptWithoutRun(reader.missedOccurrences(query));
        ControlEvidenceReport heading = heading(query, now);
        return new ControlEvidenceReport(
                heading.control(),
                heading.controlTitle(),
                query.from(),
                query.to(),
                heading.zone(),
                heading.procedureType(),
                now,
                tally.summary(),
                tally.exceptions(),
                tally.kept());
    }

    /** The report's heading: the control, the period and the type, with no runs yet. */
    private ControlEvidenceReport heading(EvidenceQuery query, Instant now) {
        String type = query.procedureType() == null
                ? ""
                : catalogue
                        .type(query.procedureType())
                        .map(ProcedureType::definition)
                        .map(definition -> catalogue.shown(definition.name()))
                        .orElse("");
        return new ControlEvidenceReport(
                query.control().number(),
                query.control().title(),
                query.from(),
                query.to(),
                query.zone().getId(),
                type,
                now,
                new EvidenceSummary(0, 0, 0, 0, List.of(), null),
                List.of(),
                List.of());
    }

    /** A calendar of the SLA module by its id or name, to count working days on. */
    private Optional<CompletionTarget.NamedCalendar> calendar(String idOrName) {
        return calendars
                .find(idOrName)
                .flatMap(view -> calendars
                        .calendar(view.id())
                        .map(calendar -> new CompletionTarget.NamedCalendar(view.name(), calendar)));
    }

    /** The calendars of the SLA module, to choose one from. */
    List<SlaCalendarView> calendars() {
        return calendars.all();
    }

    /** Whether the actor may read the evidence of controls: auditors, coordinators and admins. */
    static boolean reads(Actor actor) {
        return actor.hasAny(Role.AUDITOR, Role.COORDINATOR, Role.ADMIN);
    }
}
