package io.cairn.identity;

import io.cairn.identity.IdentityChanged.Change;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records the identity module's changes: each publishes an {@link IdentityChanged} the audit trail records in the same
 * transaction, and one that touches what someone may do also makes sessions and cached tokens read their user again.
 */
@Component
class IdentityChanges {

    private final RecentTokens recentTokens;
    private final IdentityGeneration generation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IdentityChanges(
            RecentTokens recentTokens, IdentityGeneration generation, ApplicationEventPublisher events, Clock clock) {
        this.recentTokens = recentTokens;
        this.generation = generation;
        this.events = events;
        this.clock = clock;
    }

    /** Records a change that may touch what someone may do: sessions and tokens read their user again. */
    void publish(ActorRef actor, Change change, String id, @Nullable String before, @Nullable String after) {
        recentTokens.forgetAll();
        generation.changed();
        audit(actor, change, id, before, after);
    }

    /** Records a change in the audit trail; for a change that does not touch what anyone may do. */
    void audit(ActorRef actor, Change change, String id, @Nullable String before, @Nullable String after) {
        events.publishEvent(new IdentityChanged(
                actor,
                clock.instant(),
                change,
                id,
                Optional.ofNullable(before).map(text -> ContentDigest.of(text).hex()),
                Optional.ofNullable(after).map(text -> ContentDigest.of(text).hex())));
    }

    /** The trimmed text, or null when there is none. */
    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
