package io.cairn.compliance;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.LegalEntityId;
import io.cairn.identity.Role;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Creating legal entities and changing their regulatory profile: a name no other entity has, a privacy officer who
 * holds that role, and the version the admin read; each change is published for the audit trail.
 */
@Component
class LegalEntityEditing {

    private final LegalEntities entities;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LegalEntityEditing(
            LegalEntities entities, IdentityManagement identity, ApplicationEventPublisher events, Clock clock) {
        this.entities = entities;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    List<LegalEntityView> all() {
        List<LegalEntities.Stored> all = entities.all();
        Map<UserId, String> names = identity.displayNames(all.stream()
                .map(stored -> stored.profile().privacyOfficer())
                .filter(Objects::nonNull)
                .toList());
        return all.stream().map(stored -> view(stored, names)).toList();
    }

    Outcome<LegalEntityView> one(LegalEntityId id) {
        return entities.find(id).map(this::view).map(Outcome::done).orElseGet(() -> notFound(id));
    }

    Outcome<LegalEntityView> create(Actor actor, LegalEntityDefinition definition) {
        return checked(definition, null).flatMap(profile -> {
            LegalEntityId id = LegalEntityId.random();
            entities.insert(id, profile, clock.instant());
            publish(actor, id, LegalEntityChanged.Verb.CREATED, null, profile);
            return one(id);
        });
    }

    Outcome<LegalEntityView> change(Actor actor, LegalEntityId id, LegalEntityDefinition definition, long version) {
        Optional<LegalEntities.Stored> stored = entities.find(id);
        if (stored.isEmpty()) {
            return notFound(id);
        }
        if (stored.get().version() != version) {
            return Outcome.refused(Refusal.stale(version, stored.get().version()));
        }
        return checked(definition, id).flatMap(profile -> {
            if (!entities.replace(id, profile, version, clock.instant())) {
                return Outcome.refused(Refusal.stale(version, version + 1));
            }
            publish(actor, id, LegalEntityChanged.Verb.CHANGED, stored.get().profile(), profile);
            return one(id);
        });
    }

    private Outcome<LegalEntityProfile> checked(LegalEntityDefinition definition, @Nullable LegalEntityId id) {
        return definition.check().flatMap(profile -> {
            if (entities.nameTaken(profile.name(), id)) {
                return Outcome.refused(Refusal.conflict("name", SharedRefusals.ALREADY_TAKEN));
            }
            UserId officer = profile.privacyOfficer();
            if (officer == null) {
                return Outcome.done(profile);
            }
            Optional<UserView> user = identity.user(officer) instanceof Outcome.Done<UserView> done
                    ? Optional.of(done.value())
                    : Optional.empty();
            if (user.isEmpty()) {
                return Outcome.refused(
                        Refusal.invalid("privacyOfficer", SharedRefusals.USER_DOES_NOT_EXIST, officer.toString()));
            }
            return user.get().roles().contains(Role.PRIVACY_OFFICER)
                    ? Outcome.done(profile)
                    : Outcome.refused(Refusal.invalid(
                            "privacyOfficer",
                            ComplianceRefusals.NOT_A_PRIVACY_OFFICER,
                            user.get().username()));
        });
    }

    private void publish(
            Actor actor,
            LegalEntityId id,
            LegalEntityChanged.Verb verb,
            @Nullable LegalEntityProfile before,
            LegalEntityProfile after) {
        events.publishEvent(new LegalEntityChanged(
                id,
                actor.ref(),
                clock.instant(),
                verb,
                Optional.ofNullable(before)
                        .map(b -> ContentDigest.of(b.snapshot()).hex()),
                Optional.of(ContentDigest.of(after.snapshot()).hex())));
    }

    private LegalEntityView view(LegalEntities.Stored stored) {
        UserId officer = stored.profile().privacyOfficer();
        return view(stored, officer == null ? Map.of() : identity.displayNames(List.of(officer)));
    }

    private static LegalEntityView view(LegalEntities.Stored stored, Map<UserId, String> names) {
        LegalEntityProfile profile = stored.profile();
        UserId officer = profile.privacyOfficer();
        return new LegalEntityView(
                stored.id(),
                profile.name(),
                profile.jurisdictions(),
                profile.nis2().code(),
                profile.doraFinancialEntity(),
                profile.gdprRole().code(),
                profile.supervisoryAuthorityName(),
                profile.supervisoryAuthorityContact(),
                officer,
                officer == null ? null : names.get(officer),
                profile.annualTurnoverEur(),
                profile.secRegistrant(),
                profile.hipaaCoveredEntity(),
                stored.version());
    }

    private static <T> Outcome<T> notFound(LegalEntityId id) {
        return Outcome.refused(Refusal.notFound("legal entity " + id));
    }
}
