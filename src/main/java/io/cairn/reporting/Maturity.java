package io.cairn.reporting;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The maturity view, computed live for those who read metrics (coordinators, admins, auditors), and the records of
 * the practices data cannot show, which admins keep with their evidence. Every record and withdrawal names the version
 * it replaces and lands in the audit trail.
 */
@Service
class Maturity {

    static final int MAX_EVIDENCE = 2_000;
    static final int MAX_NOTE = 10_000;

    private final MaturityModel model;
    private final MaturityFigures figures;
    private final MaturityRecords records;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final ReportingSettings settings;
    private final Clock clock;

    Maturity(
            MaturityModel model,
            MaturityFigures figures,
            MaturityRecords records,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            ReportingSettings settings,
            Clock clock) {
        this.model = model;
        this.figures = figures;
        this.records = records;
        this.identity = identity;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** What an admin enters for a practice; {@code version} is the stored record's, absent for the first. */
    record PracticeEvidence(
            @Nullable String evidence,
            @Nullable String note,
            @Nullable LocalDate validUntil,
            @Nullable Long version) {}

    /**
     * The view now, or as it stood at the end of a past day ({@code at}, yyyy-mm-dd): the indicators over the window
     * that ends then; the records are those kept now, judged on that day.
     */
    @Transactional(readOnly = true)
    Outcome<MaturityView> view(@Nullable String at) {
        return identity.requireAnyRole("read the maturity view", Role.COORDINATOR, Role.ADMIN, Role.AUDITOR)
                .flatMap(actor -> end(at))
                .map(end -> MaturityAssessment.assess(model, figures.compute(end), records.all()));
    }

    /** Now, or the first instant after the day given; a day that is not one, or lies ahead, is refused. */
    private Outcome<Instant> end(@Nullable String at) {
        Instant now = clock.instant();
        if (at == null || at.isBlank()) {
            return Outcome.done(now);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(at.strip());
        } catch (DateTimeParseException e) {
            return Outcome.refused(Refusal.invalid("at", ReportingRefusals.NOT_A_DAY, at.strip()));
        }
        if (day.isAfter(LocalDate.ofInstant(now, settings.zone()))) {
            return Outcome.refused(Refusal.invalid("at", SharedRefusals.LIES_IN_THE_FUTURE));
        }
        Instant end = day.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        return Outcome.done(end.isAfter(now) ? now : end);
    }

    @Transactional
    Outcome<MaturityRecord> record(String practice, PracticeEvidence form) {
        return admin().flatMap(actor -> recordable(practice)
                .flatMap(known -> checked(form).flatMap(entered -> store(actor, practice, entered, form.version()))));
    }

    @Transactional
    Outcome<MaturityRecord> withdraw(String practice, @Nullable Long version) {
        return admin().flatMap(actor -> recordable(practice).flatMap(known -> {
            Optional<MaturityRecord> stored = records.find(practice);
            if (stored.isEmpty()) {
                return Outcome.refused(Refusal.notFound("the record of practice " + practice));
            }
            if (version == null) {
                return Outcome.refused(Refusal.invalid("version", SharedRefusals.REQUIRED));
            }
            MaturityRecord before = stored.get();
            if (before.version() != version || !records.delete(practice, version)) {
                return Outcome.refused(Refusal.stale(version, before.version()));
            }
            publish(actor, practice, MaturityPracticeChanged.Verb.WITHDRAWN, before, null);
            return Outcome.done(before);
        }));
    }

    private Outcome<MaturityRecord> store(
            Actor actor, String practice, PracticeEvidence entered, @Nullable Long version) {
        Optional<MaturityRecord> stored = records.find(practice);
        if (stored.isPresent() && version == null) {
            return Outcome.refused(Refusal.invalid("version", SharedRefusals.REQUIRED));
        }
        if (stored.isEmpty() && version != null) {
            return Outcome.refused(Refusal.of(
                    Refusal.Kind.STALE,
                    List.of(Refusal.FieldProblem.of("version", ReportingRefusals.NOT_RECORDED)),
                    ReportingRefusals.NOT_RECORDED));
        }
        long next = stored.map(before -> before.version() + 1).orElse(0L);
        MaturityRecord record = new MaturityRecord(
                practice,
                java.util.Objects.requireNonNull(entered.evidence()),
                java.util.Objects.requireNonNull(entered.note()),
                entered.validUntil(),
                actor.ref().name(),
                clock.instant(),
                next);
        boolean written = version == null ? records.insert(record) : records.replace(record, version);
        if (!written) {
            long expected = version == null ? 0 : version;
            return Outcome.refused(Refusal.stale(
                    expected,
                    records.find(practice).map(MaturityRecord::version).orElse(expected)));
        }
        publish(actor, practice, MaturityPracticeChanged.Verb.RECORDED, stored.orElse(null), record);
        return Outcome.done(record);
    }

    /** The entered evidence and note stripped, with the date and version as given, or the first problem. */
    private Outcome<PracticeEvidence> checked(PracticeEvidence form) {
        String evidence = form.evidence() == null ? "" : form.evidence().strip();
        String note = form.note() == null ? "" : form.note().strip();
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone());
        if (evidence.isEmpty()) {
            return Outcome.refused(Refusal.invalid("evidence", SharedRefusals.REQUIRED));
        }
        if (evidence.length() > MAX_EVIDENCE) {
            return Outcome.refused(Refusal.invalid("evidence", SharedRefusals.TOO_LONG, String.valueOf(MAX_EVIDENCE)));
        }
        if (note.length() > MAX_NOTE) {
            return Outcome.refused(Refusal.invalid("note", SharedRefusals.TOO_LONG, String.valueOf(MAX_NOTE)));
        }
        if (form.validUntil() != null && form.validUntil().isBefore(today)) {
            return Outcome.refused(Refusal.invalid(
                    "validUntil",
                    ReportingRefusals.DAY_PASSED,
                    form.validUntil().toString()));
        }
        return Outcome.done(new PracticeEvidence(evidence, note, form.validUntil(), form.version()));
    }

    private Outcome<MaturityModel.Practice> recordable(String key) {
        Optional<MaturityModel.Practice> practice = model.practices().stream()
                .filter(candidate -> candidate.key().equals(key))
                .findFirst();
        if (practice.isEmpty()) {
            return Outcome.refused(Refusal.notFound("practice " + key));
        }
        return practice.get().recorded()
                ? Outcome.done(practice.get())
                : Outcome.refused(Refusal.invalid("practice", ReportingRefusals.SHOWN_BY_DATA, key));
    }

    private Outcome<Actor> admin() {
        return identity.requireAnyRole("record the practices of the maturity model", Role.ADMIN);
    }

    private void publish(
            Actor actor,
            String practice,
            MaturityPracticeChanged.Verb verb,
            @Nullable MaturityRecord before,
            @Nullable MaturityRecord after) {
        events.publishEvent(new MaturityPracticeChanged(
                practice,
                actor.ref(),
                clock.instant(),
                verb,
                Optional.ofNullable(before).map(MaturityRecord::digest),
                Optional.ofNullable(after).map(MaturityRecord::digest)));
    }
}
