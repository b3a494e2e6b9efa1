package io.cairn.compliance;

import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records regime facts and decisions of incidents: checks what the user gave (every field at fault named), adds it as
 * a new version if nobody added one since the version the user read, and publishes the event the audit trail records
 * and the obligations follow.
 */
@Component
class ComplianceRecording {

    /** The earliest instant a fact may have. */
    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    private static final int MAX_REASON = 4_000;

    private final IncidentFacts facts;
    private final IncidentDecisions decisions;
    private final RecordableFacts recordable;
    private final DecisionContexts contexts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ComplianceRecording(
            IncidentFacts facts,
            IncidentDecisions decisions,
            RecordableFacts recordable,
            DecisionContexts contexts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.facts = facts;
        this.decisions = decisions;
        this.recordable = recordable;
        this.contexts = contexts;
        this.events = events;
        this.clock = clock;
    }

    /** Sets the fact to the instant with its justification, as the version after {@code version}. */
    Outcome<RegimeFactView> recordFact(
            ComplianceAccess.IncidentGrant grant,
            String fact,
            @Nullable Instant at,
            @Nullable String justification,
            long version) {
        Optional<FactKey> key = FactKey.parse(fact).filter(recordable::contains);
        if (key.isEmpty()) {
            return Outcome.refused(
                    Refusal.invalid("fact", ComplianceRefusals.NOT_RECORDABLE, abbreviated(fact), recordable.codes()));
        }
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Instant instant = instant("at", at, true, problems);
        String reason = reason("justification", justification, true, problems);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        IncidentId incident = grant.incident().id();
        long stored = facts.version(incident, key.get());
        RegimeFactView.Version next = new RegimeFactView.Version(
                version + 1, instant, reason, grant.actor().id(), grant.actor().displayName(), clock.instant());
        if (stored != version || !store(incident, key.get(), next, grant.actor().ref())) {
            return Outcome.refused(Refusal.stale(version, Math.max(stored, version + 1)));
        }
        return Outcome.done(facts.find(incident, key.get()).orElseThrow());
    }

    /**
     * Records a fact that this instance learnt from a statement (a provider's), when nobody recorded it yet: the
     * instant, why, and who stated it ({@code setBy}, such as the provider peer's id, and {@code by} with its name);
     * false when the fact was recorded already, which stays as it is.
     */
    boolean recordFirst(IncidentId incident, FactKey key, Instant at, String justification, UUID setBy, ActorRef by) {
        if (facts.version(incident, key) != 0) {
            return false;
        }
        RegimeFactView.Version first =
                new RegimeFactView.Version(1, at, justification, new UserId(setBy), by.name(), clock.instant());
        return store(incident, key, first, by);
    }

    private boolean store(IncidentId incident, FactKey key, RegimeFactView.Version next, ActorRef by) {
        if (!facts.add(incident, key, next.version() - 1, next)) {
            return false;
        }
        events.publishEvent(new RegimeFactRecorded(
                incident,
                key,
                next.version(),
                by,
                next.setAt(),
                next.version() == 1 ? RegimeFactRecorded.Verb.RECORDED : RegimeFactRecorded.Verb.CHANGED,
                Optional.empty(),
                Optional.of(ContentDigest.of(key + "@" + next.at() + ":" + next.justification())
                        .hex())));
        return true;
    }

    /** Records the decision as the version after {@code version}: a first decision or a re-assessment. */
    Outcome<DecisionView> recordDecision(ComplianceAccess.IncidentGrant grant, String kind, DecisionRequest request) {
        Optional<DecisionKind> found = DecisionKind.of(kind);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.invalid(
                    "kind", ComplianceRefusals.NOT_A_DECISION, abbreviated(kind), DecisionKind.codes()));
        }
        return check(found.get(), request, contexts.of(grant.incident()), grant)
                .flatMap(next -> store(grant, found.get(), request.version(), next));
    }

    private Outcome<DecisionView> store(
            ComplianceAccess.IncidentGrant grant, DecisionKind kind, long version, DecisionView.Version next) {
        IncidentId incident = grant.incident().id();
        long stored = decisions.find(incident, kind).map(DecisionView::version).orElse(0L);
        if (stored != version || !decisions.add(incident, kind, version, next)) {
            return Outcome.refused(Refusal.stale(version, Math.max(stored, version + 1)));
        }
        events.publishEvent(new DecisionRecorded(
                incident,
                kind,
                version + 1,
                grant.actor().ref(),
                next.decidedAt(),
                version == 0 ? DecisionRecorded.Verb.DECIDED : DecisionRecorded.Verb.REASSESSED,
                Optional.empty(),
                Optional.of(ContentDigest.of(kind.code() + ":" + next).hex())));
        return Outcome.done(decisions.find(incident, kind).orElseThrow());
    }

    private Outcome<DecisionView.Version> check(
            DecisionKind kind, DecisionRequest request, DecisionContext context, ComplianceAccess.IncidentGrant grant) {
        DecisionRule rule = DecisionRule.of(kind);
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        DecisionInputs inputs = rule.derived(DecisionInputs.read(rule.inputs(), request.inputs(), problems), problems);
        String rationale = reason("rationale", request.rationale(), true, problems);
        String override = reason("overrideReason", request.overrideReason(), false, problems);
        Instant now = clock.instant();
        Instant established = request.establishedAt() == null
                ? now
                : instant("establishedAt", request.establishedAt(), true, problems);
        DecisionRule.Evaluation evaluation = rule.evaluate(inputs, context);
        String result = result(kind, request.result(), evaluation, problems);
        if (problems.isEmpty()) {
            problems.addAll(rule.problems(result, override.isEmpty() ? null : override, inputs, context));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(new DecisionView.Version(
                request.version() + 1,
                inputs.asMap(),
                evaluation.criteria(),
                result,
                rationale,
                override.isEmpty() ? null : override,
                established,
                grant.actor().id(),
                grant.actor().displayName(),
                now));
    }

    private static String result(
            DecisionKind kind,
            @Nullable String chosen,
            DecisionRule.Evaluation evaluation,
            List<Refusal.FieldProblem> problems) {
        if (kind.computed()) {
            if (chosen != null && !chosen.equals(evaluation.result().orElse(chosen))) {
                problems.add(Refusal.FieldProblem.of("result", ComplianceRefusals.COMPUTED_RESULT));
            }
            return evaluation.result().orElseThrow();
        }
        if (chosen == null || !kind.results().contains(chosen)) {
            problems.add(Refusal.FieldProblem.of(
                    "result", ComplianceRefusals.NOT_A_RESULT, String.join(", ", kind.results())));
            return "";
        }
        return chosen;
    }

    private Instant instant(String field, @Nullable Instant at, boolean required, List<Refusal.FieldProblem> problems) {
        if (at == null) {
            if (required) {
                problems.add(Refusal.FieldProblem.of(field, SharedRefusals.REQUIRED));
            }
            return EARLIEST;
        }
        if (at.isAfter(clock.instant())) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.LIES_IN_THE_FUTURE));
        } else if (at.isBefore(EARLIEST)) {
            problems.add(Refusal.FieldProblem.of(field, ComplianceRefusals.TOO_EARLY, "1990-01-01"));
        }
        return at;
    }

    /** The text stripped; a problem of the field when it is required and empty, too long or has control characters. */
    static String reason(String field, @Nullable String value, boolean required, List<Refusal.FieldProblem> problems) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() && required) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.REQUIRED));
        } else if (text.length() > MAX_REASON) {
            problems.add(Refusal.FieldProblem.of(field, SharedRefusals.TOO_LONG, MAX_REASON));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            problems.add(Refusal.FieldProblem.of(field, ComplianceRefusals.CONTROL_CHARACTERS));
        }
        return text;
    }

    private static String abbreviated(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
