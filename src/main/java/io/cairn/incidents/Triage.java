package io.cairn.incidents;

import io.cairn.identity.BusinessUnitId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The handler's workspace: deciding about new reports (accept, dismiss or merge, all of it or none) and applying one
 * change to many incidents, each on its own.
 */
@Component
class Triage {

    private final IncidentLifecycle lifecycle;
    private final Linking linking;
    private final Incidents incidents;
    private final IncidentChanges changes;

    Triage(IncidentLifecycle lifecycle, Linking linking, Incidents incidents, IncidentChanges changes) {
        this.lifecycle = lifecycle;
        this.linking = linking;
        this.incidents = incidents;
        this.changes = changes;
    }

    /**
     * Decides about a new report: accept it (it moves through triage into analysis), dismiss it with a reason the
     * reporter reads, or merge it into an existing incident. Either all of the decision happens or none of it.
     */
    @Transactional
    Outcome<IncidentView> triage(IncidentId id, TriageDecision decision) {
        Outcome<IncidentView> outcome = switch (decision.decision()) {
            case ACCEPT -> accept(id, decision);
            case DISMISS ->
                decision.reason() == null || decision.reason().isBlank()
                        ? Outcome.refused(Refusal.invalid("reason", IncidentRefusals.DISMISSING_NEEDS_REASON))
                        : throughTriage(id, Status.DISMISSED, decision.reason(), decision.version());
            case MERGE ->
                decision.target() == null
                        ? Outcome.refused(Refusal.invalid("target", IncidentRefusals.MERGING_NEEDS_TARGET))
                        : linking.merge(id, new IncidentCommands.Merge(decision.target(), decision.version()));
        };
        if (outcome instanceof Outcome.Refused<IncidentView>) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return outcome;
    }

    /** Accepts a report once it is known who or what detected it, which the decision may say (MET-5). */
    private Outcome<IncidentView> accept(IncidentId id, TriageDecision decision) {
        if (decision.detectionSource() != null) {
            return lifecycle
                    .recordDetection(
                            id,
                            new IncidentCommands.RecordDetection(
                                    decision.detectionSource(), decision.detectedBy(), decision.version()))
                    .flatMap(recorded -> throughTriage(id, Status.ANALYSIS, null, recorded.version()));
        }
        return throughTriage(id, Status.ANALYSIS, null, decision.version());
    }

    private Outcome<IncidentView> throughTriage(IncidentId id, Status to, @Nullable String reason, long version) {
        return lifecycle
                .transition(id, new IncidentCommands.Transition(Status.TRIAGE, null, version))
                .flatMap(triaged ->
                        lifecycle.transition(id, new IncidentCommands.Transition(to, reason, triaged.version())));
    }

    /** Applies one change to each selected incident on its own; says per incident whether it was done. */
    @Transactional
    Outcome<List<BulkAction.Result>> bulk(BulkAction action) {
        if (action.action() == BulkAction.Action.TRANSITION && action.to() == null) {
            return Outcome.refused(Refusal.invalid("to", IncidentRefusals.BULK_NEEDS_STATUS));
        }
        List<BulkAction.Result> results = new ArrayList<>();
        for (IncidentId id : new LinkedHashSet<>(action.incidents())) {
            long version = incidents.findById(id.value()).map(Incident::version).orElse(-1L);
            Outcome<IncidentView> outcome = version < 0
                    ? Outcome.refused(Refusal.notFound("incident " + id))
                    : switch (action.action()) {
                        case ASSIGN ->
                            lifecycle.assign(
                                    id,
                                    new IncidentCommands.Assign(
                                            action.owner(), action.team(), businessUnitOf(id), version));
                        case TRANSITION ->
                            lifecycle.transition(
                                    id,
                                    new IncidentCommands.Transition(
                                            Objects.requireNonNull(action.to(), "checked above"),
                                            action.reason(),
                                            version));
                    };
            results.add(
                    outcome instanceof Outcome.Refused<IncidentView> refused
                            ? new BulkAction.Result(id, false, refused.refusal().message())
                            : new BulkAction.Result(id, true, null));
        }
        return Outcome.done(results);
    }

    private @Nullable BusinessUnitId businessUnitOf(IncidentId id) {
        return incidents
                .findById(id.value())
                .map(i -> changes.view(i).businessUnit())
                .orElse(null);
    }
}
