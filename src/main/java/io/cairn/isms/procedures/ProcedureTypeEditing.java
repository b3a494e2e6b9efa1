package io.cairn.isms.procedures;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.isms.ProcedureTypeChanged;
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
 * Reading and editing procedure types: adding one, revising what it says (runs started before keep the steps they
 * have), retiring it so that no new runs start from it, or restoring it. Every problem is refused before anything is
 * stored; a change made on a version someone else changed meanwhile is refused as stale; each change publishes a
 * {@link ProcedureTypeChanged} for the audit trail. The caller has checked the rights.
 */
@Service
class ProcedureTypeEditing {

    private final ProcedureTypes types;
    private final ProcedureTypeChecks checks;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProcedureTypeEditing(
            ProcedureTypes types,
            ProcedureTypeChecks checks,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.types = types;
        this.checks = checks;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** All procedure types, retired ones last, the shipped words in the reader's language. */
    List<ProcedureType> all() {
        return types.all().stream().map(ShippedProcedureTexts::shown).toList();
    }

    Outcome<ProcedureType> type(ProcedureTypeId id) {
        return types.byId(id)
                .map(ShippedProcedureTexts::shown)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(notFound(id)));
    }

    Outcome<ProcedureType> add(ProcedureDefinition definition) {
        if (types.exists(definition.key())) {
            return Outcome.refused(Refusal.conflict("key", ProcedureTypeRefusals.KEY_TAKEN, definition.key()));
        }
        return checks.validate(definition).map(stored -> {
            ProcedureTypeId id = ProcedureTypeId.random();
            Actor actor = identity.requireActor();
            Instant now = clock.instant();
            types.add(id, stored, actor.username(), now);
            publish(stored.key(), actor, now, ProcedureTypeChanged.Verb.ADDED, null, stored);
            return shown(id);
        });
    }

    Outcome<ProcedureType> revise(ProcedureTypeId id, ProcedureDefinition definition, long version) {
        Optional<ProcedureType> found = types.byId(id);
        if (found.isEmpty()) {
            return Outcome.refused(notFound(id));
        }
        ProcedureDefinition before = found.get().definition();
        // the key never changes: runs and schedules name the type by it
        ProcedureDefinition keyed = ShippedProcedureTexts.stored(definition.withKey(before.key()));
        return checks.validate(keyed).flatMap(stored -> {
            Actor actor = identity.requireActor();
            Instant now = clock.instant();
            if (!types.revise(id, stored, version, actor.username(), now)) {
                return Outcome.refused(Refusal.stale(version, found.get().version()));
            }
            publish(stored.key(), actor, now, ProcedureTypeChanged.Verb.REVISED, before, stored);
            return Outcome.done(shown(id));
        });
    }

    Outcome<ProcedureType> retire(ProcedureTypeId id, boolean retired, long version) {
        Optional<ProcedureType> found = types.byId(id);
        if (found.isEmpty()) {
            return Outcome.refused(notFound(id));
        }
        Actor actor = identity.requireActor();
        Instant now = clock.instant();
        if (!types.retire(id, retired, version, actor.username(), now)) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        ProcedureDefinition definition = found.get().definition();
        ProcedureTypeChanged.Verb verb =
                retired ? ProcedureTypeChanged.Verb.RETIRED : ProcedureTypeChanged.Verb.RESTORED;
        publish(definition.key(), actor, now, verb, definition, definition);
        return Outcome.done(shown(id));
    }

    /** The stored type in the reader's language. */
    private ProcedureType shown(ProcedureTypeId id) {
        return ShippedProcedureTexts.shown(types.byId(id).orElseThrow());
    }

    private void publish(
            String key,
            Actor actor,
            Instant now,
            ProcedureTypeChanged.Verb verb,
            @org.jspecify.annotations.Nullable ProcedureDefinition before,
            ProcedureDefinition after) {
        events.publishEvent(new ProcedureTypeChanged(
                key,
                actor.ref(),
                now,
                verb,
                Optional.ofNullable(before).map(ProcedureTypeEditing::digest),
                Optional.of(digest(after))));
    }

    private static String digest(ProcedureDefinition definition) {
        return ContentDigest.of(ProcedureTypes.document(definition)).hex();
    }

    private static Refusal notFound(ProcedureTypeId id) {
        return Refusal.notFound("procedure type " + id);
    }
}
