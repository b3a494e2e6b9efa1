package io.cairn.handling.sla;

import io.cairn.handling.SlaConfigurationChanged.Subject;
import io.cairn.handling.SlaConfigurationChanged.Verb;
import io.cairn.identity.Actor;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.PriorityMatrix;
import io.cairn.incidents.Status;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reading and setting the SLA policy of each priority. A changed policy measures the open clocks of its priority
 * against it at once: the working time they used is kept and their due instants are computed anew. Without a
 * policy, new incidents of that priority get no clocks. The caller has checked the rights ({@link SlaAccess}).
 */
@Service
class PolicyEditing {

    private final SlaPolicies policies;
    private final PolicyChecks checks;
    private final SlaCalendars calendars;
    private final SlaClockKeeper keeper;
    private final IncidentManagement incidents;
    private final SlaConfigurationLog log;
    private final Clock clock;

    PolicyEditing(
            SlaPolicies policies,
            PolicyChecks checks,
            SlaCalendars calendars,
            SlaClockKeeper keeper,
            IncidentManagement incidents,
            SlaConfigurationLog log,
            Clock clock) {
        this.policies = policies;
        this.checks = checks;
        this.calendars = calendars;
        this.keeper = keeper;
        this.incidents = incidents;
        this.log = log;
        this.clock = clock;
    }

    /** The policies in priority order. */
    List<SlaPolicyView> all() {
        return policies.all().stream().map(this::view).toList();
    }

    /** The policy of one priority, named by its label such as {@code P1}. */
    Outcome<SlaPolicyView> policy(String priority) {
        return priorityLevel(priority)
                .flatMap(level -> policies.find(level)
                        .map(this::view)
                        .<Outcome<SlaPolicyView>>map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(Refusal.notFound("SLA policy for " + priority))));
    }

    Outcome<SlaPolicyView> set(Actor actor, String priority, SlaPolicyDefinition definition) {
        return priorityLevel(priority)
                .flatMap(level -> checks.policyOf(level, definition))
                .flatMap(policy -> {
                    Optional<SlaPolicy> before = policies.find(policy.priorityLevel());
                    Instant now = clock.instant();
                    if (!policies.save(policy, Optional.ofNullable(definition.version()), now)) {
                        return Outcome.refused(Refusal.stale(
                                definition.version() == null ? 0 : definition.version(),
                                before.map(SlaPolicy::version).orElse(0L)));
                    }
                    SlaPolicy after = policies.find(policy.priorityLevel()).orElseThrow();
                    keeper.apply(after, now);
                    log.configured(
                            before.isEmpty() ? Verb.CREATED : Verb.CHANGED,
                            Subject.SLA_POLICY,
                            String.valueOf(after.priorityLevel()),
                            actor,
                            before.orElse(null),
                            after);
                    return Outcome.done(view(after));
                });
    }

    Outcome<SlaPolicyView> remove(Actor actor, String priority) {
        return priorityLevel(priority).flatMap(level -> {
            Optional<SlaPolicy> before = policies.find(level);
            if (before.isEmpty()) {
                return Outcome.refused(Refusal.notFound("SLA policy for " + priority));
            }
            policies.delete(level);
            log.configured(Verb.REMOVED, Subject.SLA_POLICY, String.valueOf(level), actor, before.get(), null);
            return Outcome.done(view(before.get()));
        });
    }

    private Outcome<Integer> priorityLevel(@Nullable String priority) {
        PriorityMatrix matrix = incidents.priorityMatrix();
        Optional<Integer> level = priority == null ? Optional.empty() : matrix.priorityLevel(priority);
        return level.<Outcome<Integer>>map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.invalid(
                        "priority",
                        SlaRefusals.NOT_A_PRIORITY,
                        String.valueOf(priority),
                        matrix.priorities().toString())));
    }

    private SlaPolicyView view(SlaPolicy policy) {
        return new SlaPolicyView(
                incidents.priorityMatrix().priorityLabel(policy.priorityLevel()),
                policy.priorityLevel(),
                policy.response().toString(),
                policy.resolution().toString(),
                policy.calendar(),
                policy.calendar() == null
                        ? null
                        : calendars
                                .find(policy.calendar())
                                .map(stored -> stored.view().name())
                                .orElse(null),
                policy.pauseStatuses().stream().sorted().map(Status::code).toList(),
                policy.warningPercent(),
                policy.escalationLevel(),
                policy.version());
    }
}
