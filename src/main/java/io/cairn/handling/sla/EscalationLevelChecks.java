package io.cairn.handling.sla;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The checks of an escalation level an admin wrote: a name, whom it notifies (a team by id or name, a role, a user by
 * login name), how long it waits, and an existing next level.
 */
@Component
class EscalationLevelChecks {

    private final EscalationLevels levels;
    private final IdentityManagement identity;

    EscalationLevelChecks(EscalationLevels levels, IdentityManagement identity) {
        this.levels = levels;
        this.identity = identity;
    }

    /** The level the definition describes at this id, or its first problem. */
    Outcome<EscalationLevels.Level> levelOf(EscalationLevelId id, EscalationLevelDefinition definition) {
        if (definition.name() == null
                || definition.name().isBlank()
                || definition.name().trim().length() > 80) {
            return Outcome.refused(Refusal.invalid("name", SlaRefusals.NAME_LENGTH));
        }
        String kind = definition.notifyKind() == null
                ? ""
                : definition.notifyKind().trim().toLowerCase(Locale.ROOT);
        String target = definition.notifyTarget() == null
                ? ""
                : definition.notifyTarget().trim();
        Outcome<String> notified = notified(kind, target);
        if (notified instanceof Outcome.Refused<String> refused) {
            return Outcome.refused(refused.refusal());
        }
        Outcome<Duration> wait = SlaDurations.parse("waitFor", definition.waitFor());
        if (wait instanceof Outcome.Refused<Duration> refused) {
            return Outcome.refused(refused.refusal());
        }
        if (definition.next() != null
                && !definition.next().equals(id)
                && levels.find(definition.next()).isEmpty()) {
            return Outcome.refused(Refusal.invalid(
                    "next", SlaRefusals.LEVEL_DOES_NOT_EXIST, definition.next().toString()));
        }
        return Outcome.done(new EscalationLevels.Level(
                id,
                definition.name().trim(),
                kind,
                ((Outcome.Done<String>) notified).value(),
                ((Outcome.Done<Duration>) wait).value(),
                definition.next(),
                0));
    }

    /** Whom a level of this kind notifies, as stored; refused when the kind is none or the target does not exist. */
    private Outcome<String> notified(String kind, String target) {
        if (!List.of("team", "role", "user").contains(kind)) {
            return Outcome.refused(Refusal.invalid("notifyKind", SlaRefusals.NOT_A_NOTIFY_KIND));
        }
        Optional<String> stored = stored(kind, target);
        if (stored.isEmpty()) {
            return Outcome.refused(Refusal.invalid(
                    "notifyTarget",
                    switch (kind) {
                        case "team" -> SlaRefusals.NOT_A_TEAM;
                        case "role" -> SlaRefusals.NOT_A_ROLE;
                        default -> SlaRefusals.NOT_A_USER;
                    },
                    target));
        }
        return Outcome.done(stored.get());
    }

    /** The target as stored: a team's id, a role's code, a user's login name. */
    private Optional<String> stored(String kind, String target) {
        return switch (kind) {
            case "team" -> teamOf(target).map(TeamId::toString);
            case "role" ->
                roleOf(target).map(role -> role.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            default -> identity.findUserByUsername(target).map(user -> user.username());
        };
    }

    private Optional<TeamId> teamOf(String target) {
        try {
            TeamId id = TeamId.valueOf(target);
            return identity.teamExists(id) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return identity.teams().stream()
                    .filter(team -> team.name().equalsIgnoreCase(target))
                    .findFirst()
                    .map(team -> team.id());
        }
    }

    private static Optional<Role> roleOf(String target) {
        try {
            return Optional.of(Role.valueOf(
                    target.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
