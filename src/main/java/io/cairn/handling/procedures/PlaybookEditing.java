package io.cairn.handling.procedures;

import io.cairn.handling.PlaybookChanged;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Reading and editing playbooks: adding one, revising what it says (incidents that already follow it keep their
 * tasks), retiring it so that it starts on no more incidents, or restoring it. Every problem is refused before
 * anything is stored; each change publishes a {@link PlaybookChanged} for the audit trail. The caller has checked the
 * rights ({@link ProcedureAccess}).
 */
@Service
class PlaybookEditing {

    private final Playbooks playbooks;
    private final PlaybookChecks checks;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlaybookEditing(
            Playbooks playbooks,
            PlaybookChecks checks,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.playbooks = playbooks;
        this.checks = checks;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** All playbooks, retired ones last, the shipped texts in the reader's language (see {@link ShippedTexts}). */
    List<Playbook> all() {
        return playbooks.all().stream().map(ShippedTexts::shown).toList();
    }

    Outcome<Playbook> playbook(PlaybookId id) {
        return playbooks
                .byId(id)
                .map(ShippedTexts::shown)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("playbook " + id)));
    }

    Outcome<Playbook> add(PlaybookDefinition definition) {
        if (playbooks.exists(definition.key())) {
            return Outcome.refused(Refusal.conflict("key", ProcedureRefusals.KEY_TAKEN, definition.key()));
        }
        Outcome<PlaybookDefinition> valid = checks.validate(definition, null, true);
        if (!(valid instanceof Outcome.Done<PlaybookDefinition> done)) {
            return Outcome.refused(((Outcome.Refused<PlaybookDefinition>) valid).refusal());
        }
        PlaybookDefinition stored = done.value();
        PlaybookId id = PlaybookId.random();
        Actor actor = identity.requireActor();
        Instant now = clock.instant();
        playbooks.add(id, stored, actor.username(), now);
        events.publishEvent(new PlaybookChanged(
                stored.key(),
                actor.ref(),
                now,
                PlaybookChanged.Verb.ADDED,
                Optional.empty(),
                Optional.of(digest(stored))));
        return Outcome.done(playbooks.byId(id).orElseThrow());
    }

    Outcome<Playbook> revise(PlaybookId id, PlaybookDefinition definition, long version) {
        Optional<Playbook> found = playbooks.byId(id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("playbook " + id));
        }
        PlaybookDefinition asStored =
                ShippedTexts.asStored(definition, found.get().definition());
        PlaybookDefinition keyed = new PlaybookDefinition(
                found.get().definition().key(),
                asStored.name(),
                asStored.description(),
                asStored.categories(),
                asStored.template(),
                asStored.steps());
        Outcome<PlaybookDefinition> valid =
                checks.validate(keyed, id, !found.get().retired());
        if (!(valid instanceof Outcome.Done<PlaybookDefinition> done)) {
            return Outcome.refused(((Outcome.Refused<PlaybookDefinition>) valid).refusal());
        }
        PlaybookDefinition stored = done.value();
        Actor actor = identity.requireActor();
        Instant now = clock.instant();
        if (!playbooks.revise(id, stored, version, actor.username(), now)) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        events.publishEvent(new PlaybookChanged(
                stored.key(),
                actor.ref(),
                now,
                PlaybookChanged.Verb.REVISED,
                Optional.of(digest(found.get().definition())),
                Optional.of(digest(stored))));
        return Outcome.done(playbooks.byId(id).orElseThrow());
    }

    Outcome<Playbook> retire(PlaybookId id, boolean retired, long version) {
        Optional<Playbook> found = playbooks.byId(id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("playbook " + id));
        }
        if (!retired) {
            Optional<Refusal> overlap = checks.overlap(found.get().definition(), id);
            if (overlap.isPresent()) {
                return Outcome.refused(overlap.get());
            }
        }
        Actor actor = identity.requireActor();
        Instant now = clock.instant();
        if (!playbooks.retire(id, retired, version, actor.username(), now)) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        String digest = digest(found.get().definition());
        events.publishEvent(new PlaybookChanged(
                found.get().definition().key(),
                actor.ref(),
                now,
                retired ? PlaybookChanged.Verb.RETIRED : PlaybookChanged.Verb.RESTORED,
                Optional.of(digest),
                Optional.of(digest)));
        return Outcome.done(playbooks.byId(id).orElseThrow());
    }

    private static String digest(PlaybookDefinition definition) {
        return ContentDigest.of(Playbooks.document(definition)).hex();
    }
}
