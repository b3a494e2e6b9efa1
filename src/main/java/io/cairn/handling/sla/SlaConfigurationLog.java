package io.cairn.handling.sla;

import io.cairn.handling.SlaConfigurationChanged;
import io.cairn.handling.SlaConfigurationChanged.Subject;
import io.cairn.handling.SlaConfigurationChanged.Verb;
import io.cairn.identity.Actor;
import io.cairn.shared.ContentDigest;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes each change of the SLA configuration (calendars, policies, escalation levels) as a
 * {@link SlaConfigurationChanged} with the digests of the states before and after, which the audit trail records in
 * the same transaction.
 */
@Component
class SlaConfigurationLog {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaConfigurationLog(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void configured(Verb verb, Subject type, String id, Actor actor, @Nullable Object before, @Nullable Object after) {
        events.publishEvent(new SlaConfigurationChanged(
                verb,
                type,
                id,
                actor.ref(),
                clock.instant(),
                Optional.ofNullable(before)
                        .map(state -> ContentDigest.of(state.toString()).hex()),
                Optional.ofNullable(after)
                        .map(state -> ContentDigest.of(state.toString()).hex())));
    }
}
