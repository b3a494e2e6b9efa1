package io.cairn.handling.sla;

import io.cairn.handling.SlaConfigurationChanged.Subject;
import io.cairn.handling.SlaConfigurationChanged.Verb;
import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reading and editing escalation levels: whom a breach that nobody acknowledged is sent to next, and after how long.
 * A change that would close a cycle of levels is refused, and so is removing a level that a policy or another level
 * leads to. The caller has checked the rights ({@link SlaAccess}).
 */
@Service
class EscalationLevelEditing {

    private final EscalationLevels levels;
    private final EscalationLevelChecks checks;
    private final SlaPolicies policies;
    private final IdentityManagement identity;
    private final SlaConfigurationLog log;
    private final Clock clock;

    EscalationLevelEditing(
            EscalationLevels levels,
            EscalationLevelChecks checks,
            SlaPolicies policies,
            IdentityManagement identity,
            SlaConfigurationLog log,
            Clock clock) {
        this.levels = levels;
        this.checks = checks;
        this.policies = policies;
        this.identity = identity;
        this.log = log;
        this.clock = clock;
    }

    /** The escalation levels by name. */
    List<EscalationLevelView> all() {
        return levels.all().stream().map(this::view).toList();
    }

    Outcome<EscalationLevelView> create(Actor actor, EscalationLevelDefinition definition) {
        return checks.levelOf(EscalationLevelId.random(), definition).flatMap(level -> {
            if (levels.findByName(level.name()).isPresent()) {
                return Outcome.refused(Refusal.conflict("name", SharedRefusals.ALREADY_TAKEN));
            }
            levels.insert(level, clock.instant());
            EscalationLevelView view = view(levels.find(level.id()).orElseThrow());
            log.configured(Verb.CREATED, Subject.ESCALATION_LEVEL, level.id().toString(), actor, null, view);
            return Outcome.done(view);
        });
    }

    Outcome<EscalationLevelView> change(Actor actor, EscalationLevelId id, EscalationLevelDefinition definition) {
        Optional<EscalationLevels.Level> stored = levels.find(id);
        if (stored.isEmpty()) {
            return Outcome.refused(Refusal.notFound("escalation level " + id));
        }
        return checks.levelOf(id, definition).flatMap(level -> {
            if (levels.findByName(level.name())
                    .filter(other -> !other.equals(id))
                    .isPresent()) {
                return Outcome.refused(Refusal.conflict("name", SharedRefusals.ALREADY_TAKEN));
            }
            Optional<Refusal> cycle = cycleThrough(level);
            if (cycle.isPresent()) {
                return Outcome.refused(cycle.get());
            }
            long version = definition.version() == null ? stored.get().version() : definition.version();
            if (!levels.replace(level, version, clock.instant())) {
                return Outcome.refused(Refusal.stale(version, stored.get().version()));
            }
            EscalationLevelView view = view(levels.find(id).orElseThrow());
            log.configured(Verb.CHANGED, Subject.ESCALATION_LEVEL, id.toString(), actor, view(stored.get()), view);
            return Outcome.done(view);
        });
    }

    Outcome<EscalationLevelView> remove(Actor actor, EscalationLevelId id) {
        Optional<EscalationLevels.Level> stored = levels.find(id);
        if (stored.isEmpty()) {
            return Outcome.refused(Refusal.notFound("escalation level " + id));
        }
        if (policies.usesLevel(id) || levels.isNextOfAnother(id)) {
            return Outcome.refused(Refusal.conflict(SlaRefusals.LEVEL_IN_USE));
        }
        EscalationLevelView view = view(stored.get());
        levels.delete(id);
        log.configured(Verb.REMOVED, Subject.ESCALATION_LEVEL, id.toString(), actor, view, null);
        return Outcome.done(view);
    }

    /** The cycle the changed level would close, named level by level, if it would close one. */
    private Optional<Refusal> cycleThrough(EscalationLevels.Level changed) {
        Map<EscalationLevelId, EscalationLevels.Level> all = new LinkedHashMap<>();
        levels.all().forEach(level -> all.put(level.id(), level));
        all.put(changed.id(), changed);
        List<String> path = new ArrayList<>(List.of(changed.name()));
        EscalationLevelId next = changed.next();
        for (int step = 0; next != null && step <= all.size(); step++) {
            EscalationLevels.Level level = all.get(next);
            if (level == null) {
                return Optional.empty();
            }
            path.add(level.name());
            if (level.id().equals(changed.id())) {
                return Optional.of(Refusal.invalid("next", SlaRefusals.LEVEL_CYCLE, String.join(" → ", path)));
            }
            next = level.next();
        }
        return Optional.empty();
    }

    private EscalationLevelView view(EscalationLevels.Level level) {
        String name = switch (level.notifyKind()) {
            case "team" ->
                identity.team(TeamId.valueOf(level.notifyTarget()))
                        .map(team -> team.name())
                        .orElse(level.notifyTarget());
            case "user" ->
                identity.findUserByUsername(level.notifyTarget())
                        .map(user -> user.displayName())
                        .orElse(level.notifyTarget());
            default -> level.notifyTarget();
        };
        return new EscalationLevelView(
                level.id(),
                level.name(),
                level.notifyKind(),
                level.notifyTarget(),
                name,
                level.waitFor().toString(),
                level.next(),
                level.version());
    }
}
