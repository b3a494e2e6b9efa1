package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between incidents and merging one into another. A child has one parent and parents form no cycle; a merge
 * copies the timeline into the target, links the two as duplicates and closes the merged incident.
 */
@Component
class Linking {

    private final IncidentChanges changes;
    private final Incidents incidents;
    private final Links links;
    private final Timeline timeline;
    private final ApplicationEventPublisher events;

    Linking(
            IncidentChanges changes,
            Incidents incidents,
            Links links,
            Timeline timeline,
            ApplicationEventPublisher events) {
        this.changes = changes;
        this.incidents = incidents;
        this.links = links;
        this.timeline = timeline;
        this.events = events;
    }

    /** The links of an incident, leaving out incidents the signed-in user may not see. */
    @Transactional(readOnly = true)
    Optional<List<IncidentLink>> links(IncidentId id) {
        Actor actor = changes.actor();
        return changes.seen(actor, id)
                .map(incident -> links.of(id).stream()
                        .filter(link -> changes.seen(actor, link.other()).isPresent())
                        .toList());
    }

    /** Links this incident to another; a child has one parent, and parents form no cycle. */
    @Transactional
    Outcome<List<IncidentLink>> link(IncidentId id, IncidentCommands.Link command) {
        Actor actor = changes.actor();
        Optional<Incident> source = changes.handleable(actor, id);
        Optional<Incident> target = changes.seen(actor, command.target());
        if (source.isEmpty()) {
            return Outcome.refused(Refusal.notFound("incident " + id));
        }
        if (target.isEmpty()) {
            return Outcome.refused(Refusal.invalid("target", SharedRefusals.NOT_FOUND, "incident " + command.target()));
        }
        if (id.equals(command.target())) {
            return Outcome.refused(Refusal.invalid("target", IncidentRefusals.LINK_TO_ITSELF));
        }
        Optional<Refusal> problem = linkProblem(id, command.target(), command.kind());
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        Instant now = changes.now();
        if (links.add(id, command.target(), command.kind(), now)) {
            recordLink(actor, source.get(), target.get(), command.kind(), now);
        }
        return Outcome.done(links(id).orElseThrow());
    }

    private void recordLink(Actor actor, Incident source, Incident target, LinkKind kind, Instant now) {
        String before = IncidentChanges.digest(source);
        timeline.append(
                source.id(),
                now,
                actor.ref(),
                IncidentLinked.VERB,
                Map.of("kind", kind.code(), "target", target.reference()),
                null);
        timeline.append(
                target.id(),
                now,
                actor.ref(),
                IncidentLinked.VERB,
                Map.of("kind", kind.code(), "source", source.reference()),
                null);
        events.publishEvent(new IncidentLinked(
                source.id(),
                actor.ref(),
                now,
                source.status(),
                target.id(),
                kind,
                before,
                ContentDigest.of(before + "|link:" + kind + ":" + target.id()).hex()));
    }

    private Optional<Refusal> linkProblem(IncidentId source, IncidentId target, LinkKind kind) {
        if (kind == LinkKind.RELATED && links.exists(source, target, LinkKind.RELATED)) {
            return Optional.empty();
        }
        if (kind == LinkKind.PARENT_OF) {
            Optional<IncidentId> currentParent = links.parentOf(target);
            if (currentParent.isPresent() && !currentParent.get().equals(source)) {
                return Optional.of(Refusal.conflict("target", IncidentRefusals.ALREADY_HAS_PARENT));
            }
            for (Optional<IncidentId> up = Optional.of(source); up.isPresent(); up = links.parentOf(up.get())) {
                if (up.get().equals(target)) {
                    return Optional.of(Refusal.conflict("target", IncidentRefusals.PARENT_CYCLE));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Merges this incident into the target: the timeline is copied into the target, a duplicate-of link is made,
     * and this incident is closed with a resolution naming the target.
     */
    @Transactional
    Outcome<IncidentView> merge(IncidentId id, IncidentCommands.Merge command) {
        Actor actor = changes.actor();
        // both rows locked, in the order of their ids, so that merges of a pair in opposite directions cannot deadlock
        Stream.of(id.value(), command.target().value()).sorted().forEach(incidents::findLockedById);
        Optional<Incident> target = changes.handleable(actor, command.target());
        // the target is judged only for someone who may change this incident: anyone else learns nothing of either
        Outcome<IncidentView> merged = changes.change(
                id,
                command.version(),
                incident -> target.isEmpty()
                        ? Optional.of(Refusal.invalid(
                                "target",
                                IncidentRefusals.MAY_NOT_MERGE_INTO,
                                command.target().toString()))
                        : incident.mergeInto(target.get(), changes.now()),
                incident -> Map.of("into", target.orElseThrow().reference()),
                null,
                (incident, by, at, before, after) ->
                        new IncidentMerged(incident.id(), by, at, incident.status(), command.target(), before, after));
        if (merged instanceof Outcome.Done<IncidentView> done) {
            absorb(actor, id, done.value().reference(), target.get());
        }
        return merged;
    }

    /** The target's side of a merge: the link, the copied timeline, and its own entry and event. */
    private void absorb(Actor actor, IncidentId merged, String mergedReference, Incident into) {
        Instant now = changes.now();
        String before = IncidentChanges.digest(into);
        links.add(merged, into.id(), LinkKind.DUPLICATE_OF, now);
        timeline.copyInto(merged, mergedReference, into.id());
        timeline.append(into.id(), now, actor.ref(), IncidentMergedIn.VERB, Map.of("from", mergedReference), null);
        into.absorbDuplicate(now);
        incidents.save(into);
        events.publishEvent(new IncidentMergedIn(
                into.id(), actor.ref(), now, into.status(), merged, before, IncidentChanges.digest(into)));
    }
}
