package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.identity.Role;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The priority matrix in force, and its replacement by an admin; incidents keep the priority they have until they are
 * reprioritised. A replacement publishes a {@link PriorityMatrixChanged} the audit trail records.
 */
@Component
class PriorityMatrixAdministration {

    private final PriorityMatrices matrices;
    private final IncidentChanges changes;
    private final ApplicationEventPublisher events;

    PriorityMatrixAdministration(PriorityMatrices matrices, IncidentChanges changes, ApplicationEventPublisher events) {
        this.matrices = matrices;
        this.changes = changes;
        this.events = events;
    }

    PriorityMatrix current() {
        return matrices.current();
    }

    @Transactional
    Outcome<PriorityMatrix> replace(PriorityMatrixDefinition definition) {
        Actor actor = changes.actor();
        if (!actor.has(Role.ADMIN)) {
            return Outcome.refused(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", "change the priority matrix"));
        }
        Outcome<PriorityMatrix> matrix = PriorityMatrix.of(
                definition.impacts(),
                definition.urgencies(),
                definition.priorities(),
                definition.cells(),
                definition.version());
        if (matrix instanceof Outcome.Refused<PriorityMatrix>) {
            return matrix;
        }
        PriorityMatrix before = matrices.current();
        if (!matrices.replace(((Outcome.Done<PriorityMatrix>) matrix).value(), definition.version())) {
            return Outcome.refused(
                    Refusal.stale(definition.version(), matrices.load().version()));
        }
        PriorityMatrix after = matrices.current();
        events.publishEvent(new PriorityMatrixChanged(
                actor.ref(),
                changes.now(),
                ContentDigest.of(before.toString()).hex(),
                ContentDigest.of(after.toString()).hex()));
        return Outcome.done(after);
    }
}
