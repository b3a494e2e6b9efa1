package io.cairn.federation;

import io.cairn.shared.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules of a message that its schema cannot say: the order of its times, the parts its kind needs and no other,
 * and a change of marking that changes something. Each problem names the JSON pointer of the field at fault.
 */
final class ExchangeRules {

    /** How far ahead of the message's issue a time in it may lie: clocks differ. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private ExchangeRules() {}

    static List<Refusal.FieldProblem> problems(ExchangeMessage message) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        if (!message.expiresAt().isAfter(message.issuedAt())) {
            problems.add(problem("/expiresAt", FederationRefusals.MUST_BE_AFTER, "/issuedAt"));
        }
        Instant latest = message.issuedAt().plus(SKEW);
        ExchangeMessage.Incident incident = message.incident();
        if (incident.updatedAt().isAfter(latest)) {
            problems.add(problem("/incident/updatedAt", FederationRefusals.MUST_NOT_BE_AFTER, "/issuedAt"));
        }
        if (incident.occurredAt() != null
                && incident.detectedAt() != null
                && incident.detectedAt().isBefore(incident.occurredAt())) {
            problems.add(
                    problem("/incident/detectedAt", FederationRefusals.MUST_NOT_BE_BEFORE, "/incident/occurredAt"));
        }
        if (incident.personalData() != null
                && incident.personalData().awareAt() != null
                && incident.personalData().awareAt().isAfter(latest)) {
            problems.add(problem("/incident/personalData/awareAt", FederationRefusals.MUST_NOT_BE_AFTER, "/issuedAt"));
        }
        kindProblems(message, problems);
        return problems;
    }

    /**
     * What makes the message stale or early at the moment a receiver reads it: expired ({@code expiresAt} not in the
     * future), or issued further in the future than clocks differ.
     */
    static List<Refusal.FieldProblem> timeliness(ExchangeMessage message, Instant now) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        if (!message.expiresAt().isAfter(now)) {
            problems.add(problem("/expiresAt", FederationRefusals.MESSAGE_EXPIRED));
        }
        if (message.issuedAt().isAfter(now.plus(SKEW))) {
            problems.add(problem("/issuedAt", FederationRefusals.MESSAGE_FROM_THE_FUTURE));
        }
        return problems;
    }

    private static void kindProblems(ExchangeMessage message, List<Refusal.FieldProblem> problems) {
        boolean retraction = message.kind().equals("retraction");
        boolean marking = message.kind().equals("marking");
        if (retraction != (message.retraction() != null)) {
            problems.add(problem(
                    "/retraction",
                    retraction ? FederationRefusals.KIND_NEEDS_PART : FederationRefusals.KIND_FORBIDS_PART,
                    message.kind()));
        }
        if (marking != (message.markingChange() != null)) {
            problems.add(problem(
                    "/markingChange",
                    marking ? FederationRefusals.KIND_NEEDS_PART : FederationRefusals.KIND_FORBIDS_PART,
                    message.kind()));
        }
        ExchangeMessage.MarkingChange change = message.markingChange();
        if (change != null
                && Objects.equals(change.previousTlp(), message.incident().tlp())
                && Objects.equals(change.previousPap(), message.incident().pap())) {
            problems.add(problem("/markingChange", FederationRefusals.MARKING_UNCHANGED));
        }
    }

    private static Refusal.FieldProblem problem(String pointer, Refusal.Reason reason, Object... arguments) {
        return Refusal.FieldProblem.of(pointer, reason, arguments);
    }
}
