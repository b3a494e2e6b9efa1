package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents described in VERIS A4 terms (TAX-4): staff who see an incident read its description, those who handle it
 * record it anew, all at once, on the incident's version. Each change is on the timeline and, whole, in the audit
 * trail. While no action is described, the incident's RSIT category suggests one (TAX-3), which is never recorded by
 * itself.
 */
@Component
class VerisKeeping {

    private final IncidentChanges changes;
    private final VerisDescriptions stored;
    private final VerisVocabulary vocabulary;
    private final VerisChecks checks;

    VerisKeeping(IncidentChanges changes, VerisDescriptions stored, VerisVocabulary vocabulary) {
        this.changes = changes;
        this.stored = stored;
        this.vocabulary = vocabulary;
        this.checks = new VerisChecks(vocabulary);
    }

    /** Whether the signed-in user may record the incident's description. */
    @Transactional(readOnly = true)
    boolean mayChange(IncidentId id) {
        return changes.handleable(changes.actor(), id).isPresent();
    }

    /** The incident's description, if the signed-in user sees the incident and is staff. */
    @Transactional(readOnly = true)
    Outcome<VerisView> view(IncidentId id) {
        return readable(id).map(this::view);
    }

    /** The incident, if the signed-in user may read its VERIS description: staff who see it. */
    Outcome<Incident> readable(IncidentId id) {
        Actor actor = changes.actor();
        Optional<Incident> incident = changes.seen(actor, id);
        if (incident.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (!IncidentAccess.seesOthersIncidents(actor)) {
            return Outcome.refused(Refusal.forbidden(IncidentRefusals.ONLY_STAFF_READ_VERIS));
        }
        return Outcome.done(incident.get());
    }

    /** Describes the incident anew, replacing the description before; an empty one removes it. */
    @Transactional
    Outcome<VerisView> record(IncidentId id, VerisDescription description, long version) {
        return changes.change(
                        id,
                        version,
                        incident -> checks.problem(description).or(() -> {
                            incident.describeInVeris(changes.now());
                            stored.replace(id, description, changes.now());
                            return Optional.empty();
                        }),
                        // the timeline is also the reporter's: it counts what was described, the trail holds it all
                        incident -> IncidentChanges.details(
                                "actors", description.actors().size(),
                                "actions", description.actions().size(),
                                "assets", description.assets().varieties().size()),
                        null,
                        (changed, actor, at, digestBefore, digestAfter) -> new IncidentVerisRecorded(
                                id, actor, at, changed.status(), description, digestBefore, digestAfter))
                .flatMap(changed -> view(id));
    }

    /** The incident's VERIS view; the caller has checked that the user may read it ({@link #readable}). */
    VerisView view(Incident incident) {
        Optional<VerisDescriptions.Recorded> recorded = stored.of(incident.id());
        VerisDescription description =
                recorded.map(VerisDescriptions.Recorded::description).orElse(VerisDescription.NONE);
        VerisView.SuggestedAction suggestion = description.actions().isEmpty()
                ? vocabulary
                        .suggestedAction(incident.category())
                        .map(action -> new VerisView.SuggestedAction(action.category(), action.variety()))
                        .orElse(null)
                : null;
        return new VerisView(
                incident.id(),
                incident.version(),
                description,
                recorded.map(VerisDescriptions.Recorded::at).orElse(null),
                suggestion);
    }
}
