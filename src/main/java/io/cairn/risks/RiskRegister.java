package io.cairn.risks;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the risk register: coordinators and admins register risks, revise them, assess them, and materialize,
 * close and reopen them. Every change carries the version read, and publishes a {@link RiskChanged} that the audit
 * trail records in the same transaction.
 */
@Component
class RiskRegister {

    private final Risks risks;
    private final RiskChecks checks;
    private final RiskMatrix matrix;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RiskRegister(
            Risks risks,
            RiskChecks checks,
            RiskMatrix matrix,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.risks = risks;
        this.checks = checks;
        this.matrix = matrix;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the user reads the register: coordinators, admins and auditors. */
    static boolean reads(Actor actor) {
        return actor.hasAny(Role.COORDINATOR, Role.ADMIN, Role.AUDITOR);
    }

    /** Whether the user changes the register: coordinators and admins. */
    static boolean changes(Actor actor) {
        return actor.hasAny(Role.COORDINATOR, Role.ADMIN);
    }

    @Transactional
    Outcome<RiskItem> register(RiskForms.NewRisk form) {
        Actor actor = identity.requireActor();
        if (!changes(actor)) {
            return Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_COORDINATORS_CHANGE));
        }
        Instant now = clock.instant();
        return checks.details(form.details())
                .flatMap(details -> checks.levels(form.levels())
                        .map(levels -> RiskItem.registered(details, levels.current(), levels.residual(), now)))
                .map(risk -> {
                    risks.add(risk, matrix.rankOf(risk.current().severity()));
                    risks.recordHistory(risk, now);
                    publish(actor, risk, RiskChanged.Verb.REGISTERED, Optional.empty(), now);
                    return risk;
                });
    }

    @Transactional
    Outcome<RiskItem> revise(RiskId id, RiskForms.RiskRevision form) {
        return change(
                id,
                form.version(),
                RiskChanged.Verb.REVISED,
                risk -> checks.details(form.details()).map(risk::revise));
    }

    @Transactional
    Outcome<RiskItem> assess(RiskId id, RiskForms.RiskReassessment form) {
        return change(
                id,
                form.version(),
                RiskChanged.Verb.ASSESSED,
                risk -> checks.levels(form.levels()).map(levels -> risk.assess(levels.current(), levels.residual())));
    }

    @Transactional
    Outcome<RiskItem> materialize(RiskId id, long version) {
        return change(
                id,
                version,
                RiskChanged.Verb.MATERIALIZED,
                risk -> risk.status() == RiskStatus.ANTICIPATED
                        ? Outcome.done(risk.materialize(clock.instant()))
                        : Outcome.refused(Refusal.conflict("status", RiskRefusals.NOT_ANTICIPATED)));
    }

    @Transactional
    Outcome<RiskItem> close(RiskId id, RiskForms.RiskClosing form) {
        return change(id, form.version(), RiskChanged.Verb.CLOSED, risk -> {
            if (form.reason() == null) {
                return Outcome.refused(Refusal.invalid("reason", SharedRefusals.REQUIRED));
            }
            Optional<ClosureReason> reason = ClosureReason.ofCode(form.reason());
            if (reason.isEmpty()) {
                return Outcome.refused(Refusal.invalid("reason", SharedRefusals.MUST_BE_ONE_OF, ClosureReason.codes()));
            }
            return risk.status() == RiskStatus.CLOSED
                    ? Outcome.refused(Refusal.conflict("status", RiskRefusals.ALREADY_CLOSED))
                    : Outcome.done(risk.close(reason.get(), clock.instant()));
        });
    }

    @Transactional
    Outcome<RiskItem> reopen(RiskId id, long version) {
        return change(
                id,
                version,
                RiskChanged.Verb.REOPENED,
                risk -> risk.status() == RiskStatus.CLOSED
                        ? Outcome.done(risk.reopen())
                        : Outcome.refused(Refusal.conflict("status", RiskRefusals.NOT_CLOSED)));
    }

    /**
     * Applies a verb to the stored risk if the caller changes the register and read its stored version, and stores
     * the result only if no one else stored a version in between.
     */
    private Outcome<RiskItem> change(
            RiskId id, long version, RiskChanged.Verb verb, Function<RiskItem, Outcome<RiskItem>> step) {
        Actor actor = identity.requireActor();
        Optional<RiskItem> found = reads(actor) ? risks.find(id) : Optional.empty();
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("risk " + id));
        }
        if (!changes(actor)) {
            return Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_COORDINATORS_CHANGE));
        }
        RiskItem before = found.get();
        if (before.version() != version) {
            return Outcome.refused(Refusal.stale(version, before.version()));
        }
        return step.apply(before).flatMap(after -> {
            if (!risks.save(after, matrix.rankOf(after.current().severity()), version)) {
                return Outcome.refused(Refusal.stale(version, version + 1));
            }
            Instant now = clock.instant();
            risks.recordHistory(after, now);
            publish(actor, after, verb, Optional.of(before.digest()), now);
            return Outcome.done(after);
        });
    }

    private void publish(Actor actor, RiskItem after, RiskChanged.Verb verb, Optional<String> before, Instant at) {
        events.publishEvent(new RiskChanged(after.id(), actor.ref(), at, verb, before, Optional.of(after.digest())));
    }
}
