package io.cairn.risks;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.knowledge.CorrectiveAction;
import io.cairn.knowledge.CorrectiveActionId;
import io.cairn.knowledge.KnowledgeManagement;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * RISK-3, lessons learned: a coordinator registers a new risk from a corrective action of a post-incident review, or
 * makes the action part of an existing risk's treatment. Either way the action and the risk are linked, readable from
 * both sides, and the link is audited; the risk register depends on knowledge, never the other way round.
 */
@Component
class RiskLessons {

    private final RiskRegister register;
    private final Risks risks;
    private final KnowledgeManagement knowledge;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    RiskLessons(
            RiskRegister register,
            Risks risks,
            KnowledgeManagement knowledge,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.register = register;
        this.risks = risks;
        this.knowledge = knowledge;
        this.identity = identity;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The corrective action, if the coordinator or admin asking may see it. */
    Outcome<CorrectiveAction> action(CorrectiveActionId id) {
        Actor actor = identity.requireActor();
        if (!RiskRegister.reads(actor)) {
            return Outcome.refused(Refusal.notFound("corrective action " + id));
        }
        return knowledge.correctiveAction(id);
    }

    /** Registers a new risk from a corrective action and links them. */
    @Transactional
    Outcome<RiskItem> registerFrom(CorrectiveActionId id, RiskForms.NewRisk form) {
        return action(id).flatMap(action -> register.register(form)).map(risk -> link(risk, id));
    }

    /** Makes a corrective action part of a risk's treatment (a revision from the version read) and links them. */
    @Transactional
    Outcome<RiskItem> attach(CorrectiveActionId id, RiskId riskId, long version) {
        return action(id).flatMap(action -> {
            Optional<RiskItem> found = risks.find(riskId);
            if (found.isEmpty()) {
                return Outcome.refused(Refusal.notFound("risk " + riskId));
            }
            RiskDetails details = found.get().details();
            String line = RiskLessons.treatmentLine(action);
            String treatment = details.treatment().contains(line)
                    ? details.treatment()
                    : (details.treatment().isEmpty() ? line : details.treatment() + "\n" + line);
            RiskForms.RiskRevision revision = new RiskForms.RiskRevision(
                    details.title(),
                    details.description(),
                    details.businessUnit(),
                    details.owner(),
                    treatment,
                    details.mitigationTargetAt(),
                    version);
            return register.revise(riskId, revision).map(risk -> link(risk, id));
        });
    }

    /** How an action reads in a risk's treatment. */
    static String treatmentLine(CorrectiveAction action) {
        return action.reference() + ": " + action.title() + " (" + action.dueOn() + ")";
    }

    private RiskItem link(RiskItem risk, CorrectiveActionId action) {
        Instant now = clock.instant();
        boolean linked = jdbc.sql("""
                        insert into risk_corrective_action (risk_id, action_id, linked_at)
                        values (:risk, :action, :now) on conflict do nothing""")
                        .param("risk", risk.id().value())
                        .param("action", action.value())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
        if (linked) {
            events.publishEvent(new RiskChanged(
                    risk.id(),
                    identity.requireActor().ref(),
                    now,
                    RiskChanged.Verb.CORRECTIVE_ACTION_LINKED,
                    Optional.empty(),
                    Optional.of(
                            ContentDigest.of(risk.id() + "|action|" + action).hex())));
        }
        return risk;
    }

    /** The corrective actions linked to a risk that the reader may see, if they read the register. */
    @Transactional
    Outcome<List<CorrectiveAction>> actionsOf(RiskId risk) {
        if (!RiskRegister.reads(identity.requireActor()) || risks.find(risk).isEmpty()) {
            return Outcome.refused(Refusal.notFound("risk " + risk));
        }
        return Outcome.done(jdbc
                .sql("select action_id from risk_corrective_action where risk_id = :risk order by linked_at")
                .param("risk", risk.value())
                .query(UUID.class)
                .list()
                .stream()
                .flatMap(id -> knowledge.correctiveAction(new CorrectiveActionId(id))
                                instanceof Outcome.Done<CorrectiveAction> done
                        ? java.util.stream.Stream.of(done.value())
                        : java.util.stream.Stream.empty())
                .toList());
    }

    /** The risks a corrective action created or is part of, if the reader may see the action and reads the register. */
    @Transactional
    Outcome<List<RiskItem>> risksOf(CorrectiveActionId id) {
        return action(id)
                .map(action -> jdbc
                        .sql("select risk_id from risk_corrective_action where action_id = :action order by linked_at")
                        .param("action", id.value())
                        .query(UUID.class)
                        .list()
                        .stream()
                        .flatMap(risk -> risks.find(new RiskId(risk)).stream())
                        .toList());
    }
}
