package io.cairn.federation;

import io.cairn.shared.ActorRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where this instance's reading of each provider's feed stands ({@code federation_upstream_subscription.feed_cursor}):
 * moved after each page whose messages were all stored, with its audit record in the same transaction.
 */
@Component
class FeedCursors {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FeedCursors(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Moves the subscription's cursor past a page of this many messages. */
    @Transactional
    void moveTo(SubscriptionId subscription, String cursor, int messages, ActorRef actor) {
        Instant now = clock.instant();
        jdbc.sql("update federation_upstream_subscription set feed_cursor = ?, updated_at = ? where id = ?")
                .params(cursor, Timestamp.from(now), subscription.value())
                .update();
        events.publishEvent(new UpstreamFeedRead(subscription, actor, now, messages, cursor));
    }
}
