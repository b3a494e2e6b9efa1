package io.cairn.compliance;

import io.cairn.identity.Actor;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Changes a stage's draft and submits it: a submission needs every mandatory field, the channel, the recipient, the
 * authority's reference when the channel gives one, and the reason for the delay when the stage is past due; it freezes
 * the exact JSON bytes with their SHA-256, marks the stage submitted (the clocks that count from it start) and moves
 * the draft's version on, so that of two submissions of one version only the first counts.
 */
@Component
class StageSubmitting {

    /** The channels a report goes through; the first three give the authority's reference number. */
    static final List<String> CHANNELS = List.of("portal", "api", "e-mail", "letter", "phone");

    private static final List<String> WITH_REFERENCE = List.of("portal", "api");
    private static final int MAX_FIELD = 4_000;

    /**
     * A submission as the handler asks for it.
     *
     * @param reference the authority's reference number; needed for {@code portal} and {@code api}
     * @param delayReason why the report is late; needed when the stage is past due
     * @param version the version of the draft the handler submits (0 when never saved)
     */
    record Request(
            @Nullable String channel,
            @Nullable String recipient,
            @Nullable String reference,
            @Nullable String delayReason,
            long version) {}

    private final StageReports reports;
    private final SubmissionDrafts drafts;
    private final Submissions submissions;
    private final Obligations obligations;
    private final ObligationKeeper keeper;
    private final ApplicationEventPublisher events;

    StageSubmitting(
            StageReports reports,
            SubmissionDrafts drafts,
            Submissions submissions,
            Obligations obligations,
            ObligationKeeper keeper,
            ApplicationEventPublisher events) {
        this.reports = reports;
        this.drafts = drafts;
        this.submissions = submissions;
        this.obligations = obligations;
        this.keeper = keeper;
        this.events = events;
    }

    /** Replaces the draft's fields if it is still at the version; every field at fault is named. Audited. */
    Outcome<ReportDraftView> saveDraft(StageReports.Target target, @Nullable Map<String, String> given, long version) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Map<String, String> fields = checked(target.stage(), given == null ? Map.of() : given, problems);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        Map<String, String> before = reports.fields(target);
        Map<String, String> after = new LinkedHashMap<>(before);
        after.putAll(fields);
        Actor actor = target.grant().actor();
        Instant now = reports.now();
        if (!drafts.save(target.obligation().id(), target.stage().id(), after, version, actor, now)) {
            return Outcome.refused(Refusal.stale(version, Math.max(reports.version(target), version + 1)));
        }
        publish(target, SubmissionChanged.Verb.DRAFTED, digest(before), digest(after), now);
        return Outcome.done(reports.view(target));
    }

    /** Submits the draft as it stands at the version, frozen; the first submission of a stage marks it submitted. */
    Outcome<SubmissionView> submit(StageReports.Target target, Request request) {
        Map<String, String> fields = reports.fields(target);
        Instant now = reports.now();
        List<Submissions.Stored> earlier =
                submissions.of(target.obligation().id(), target.stage().id());
        Instant due = target.state().dueAt();
        boolean late = earlier.isEmpty() && due != null && now.isAfter(due);
        List<Refusal.FieldProblem> problems = problems(target, fields, request, late, due);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        Actor actor = target.grant().actor();
        if (!drafts.save(target.obligation().id(), target.stage().id(), fields, request.version(), actor, now)) {
            return Outcome.refused(
                    Refusal.stale(request.version(), Math.max(reports.version(target), request.version() + 1)));
        }
        return Outcome.done(
                freeze(target, fields, submission(target, request, earlier, late, due, actor, now), earlier));
    }

    /**
     * Submits a stage that is not yet due as the system sent it: through the channel ({@code api} for a notice that
     * went out as a publication, with the incident's exchange id as the reference; {@code e-mail} for the notice mailed
     * to the people affected, with its text's SHA-256) to the recipients, the draft's fields as they stand. The caller
     * sees to it that the stage is open and not late.
     */
    SubmissionView submitSent(StageReports.Target target, String channel, String recipients, String reference) {
        Instant now = reports.now();
        Actor actor = target.grant().actor();
        List<Submissions.Stored> earlier =
                submissions.of(target.obligation().id(), target.stage().id());
        SubmissionView sent = new SubmissionView(
                UUID.randomUUID(),
                target.stage().id(),
                earlier.size() + 1,
                earlier.isEmpty()
                        ? null
                        : earlier.get(earlier.size() - 1).view().id(),
                "0".repeat(64),
                channel,
                recipients,
                reference,
                target.state().dueAt(),
                false,
                null,
                actor.displayName(),
                now);
        Map<String, String> fields = reports.fields(target);
        // the draft's version moves on, as with a handler's submission: one submitting the same version now is stale
        drafts.save(target.obligation().id(), target.stage().id(), fields, reports.version(target), actor, now);
        return freeze(target, fields, sent, earlier);
    }

    /** Stores the submission frozen with the SHA-256 of its bytes; the first of a stage marks it submitted. */
    private SubmissionView freeze(
            StageReports.Target target,
            Map<String, String> fields,
            SubmissionView unsealed,
            List<Submissions.Stored> earlier) {
        Actor actor = target.grant().actor();
        Instant now = unsealed.submittedAt();
        byte[] content = SubmissionContent.submitted(reports.subject(target), fields, unsealed);
        SubmissionView sealed = unsealed.sealed(SubmissionContent.sha256(content));
        submissions.insert(target.obligation().id(), sealed, content, actor.id());
        if (earlier.isEmpty()) {
            Map<String, StageState> stages =
                    new LinkedHashMap<>(target.obligation().stages());
            stages.put(target.stage().id(), target.state().submitted(now));
            obligations.saveStages(target.obligation().id(), List.copyOf(stages.values()));
            keeper.keep(target.obligation().incident(), actor.ref());
        }
        publish(
                target,
                earlier.isEmpty() ? SubmissionChanged.Verb.SUBMITTED : SubmissionChanged.Verb.CORRECTED,
                digest(fields),
                sealed.sha256(),
                now);
        return sealed;
    }

    private static SubmissionView submission(
            StageReports.Target target,
            Request request,
            List<Submissions.Stored> earlier,
            boolean late,
            @Nullable Instant due,
            Actor actor,
            Instant now) {
        return new SubmissionView(
                UUID.randomUUID(),
                target.stage().id(),
                earlier.size() + 1,
                earlier.isEmpty()
                        ? null
                        : earlier.get(earlier.size() - 1).view().id(),
                "0".repeat(64),
                java.util.Objects.requireNonNull(request.channel()),
                java.util.Objects.requireNonNull(request.recipient()).strip(),
                blankToNull(request.reference()),
                due,
                late,
                late ? blankToNull(request.delayReason()) : null,
                actor.displayName(),
                now);
    }

    private static List<Refusal.FieldProblem> problems(
            StageReports.Target target,
            Map<String, String> fields,
            Request request,
            boolean late,
            @Nullable Instant due) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        for (String field : ReportDrafting.missing(target.stage(), fields)) {
            problems.add(Refusal.FieldProblem.of("fields." + field, ComplianceRefusals.MANDATORY_FIELD_EMPTY, field));
        }
        String channel = request.channel() == null ? "" : request.channel();
        if (!CHANNELS.contains(channel)) {
            problems.add(
                    Refusal.FieldProblem.of("channel", SharedRefusals.MUST_BE_ONE_OF, String.join(", ", CHANNELS)));
        }
        ComplianceRecording.reason("recipient", request.recipient(), true, problems);
        ComplianceRecording.reason("reference", request.reference(), false, problems);
        if (WITH_REFERENCE.contains(channel) && blankToNull(request.reference()) == null) {
            problems.add(Refusal.FieldProblem.of("reference", ComplianceRefusals.REFERENCE_NEEDED, channel));
        }
        ComplianceRecording.reason("delayReason", request.delayReason(), false, problems);
        if (late && due != null && blankToNull(request.delayReason()) == null) {
            problems.add(Refusal.FieldProblem.of(
                    "delayReason", ComplianceRefusals.DELAY_REASON_NEEDED, DateTimeFormatter.ISO_INSTANT.format(due)));
        }
        return problems;
    }

    /** The given fields checked: each one the stage has, within bounds, stripped. */
    private static Map<String, String> checked(
            Regime.Stage stage, Map<String, String> given, List<Refusal.FieldProblem> problems) {
        Map<String, String> fields = new LinkedHashMap<>();
        given.forEach((field, value) -> {
            if (!stage.mandatoryFields().contains(field)) {
                problems.add(Refusal.FieldProblem.of(
                        "fields",
                        ComplianceRefusals.UNKNOWN_REPORT_FIELD,
                        abbreviated(field),
                        String.join(", ", stage.mandatoryFields())));
            } else {
                fields.put(field, ComplianceRecording.reason("fields." + field, value, false, problems));
            }
        });
        return fields;
    }

    private void publish(
            StageReports.Target target, SubmissionChanged.Verb verb, String before, String after, Instant now) {
        events.publishEvent(new SubmissionChanged(
                target.obligation().incident(),
                SubmissionChanged.of(target.obligation().id(), target.stage().id()),
                target.grant().actor().ref(),
                now,
                verb,
                Optional.of(before),
                Optional.of(after)));
    }

    private static String digest(Map<String, String> fields) {
        return ContentDigest.of(fields.toString()).hex();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String abbreviated(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
