package io.cairn.notification;

import io.cairn.delivery.DeliveryId;
import io.cairn.delivery.DeliveryQueue;
import io.cairn.delivery.DeliveryQueues;
import io.cairn.delivery.DeliveryStatus;
import io.cairn.delivery.QueueTables;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification outbox: a queue of the delivery module over this module's {@code notification_outbox} and its
 * delivery log {@code notification_delivery}. Rows are written in the transaction of the event that causes them; what
 * a notification says (channel, recipient, template, parameters, secrets) stays in this module's columns.
 */
@Component
class Outbox {

    /** This module's tables, which the delivery module drains. */
    static final QueueTables TABLES =
            new QueueTables("notification_outbox", "notification_delivery", "notification_id");

    /**
     * How long a claimed notification waits for its attempt's outcome before another node may try it: well above the
     * SMTP timeouts (10 s to connect, 30 s to read and to write), so that a slow mail server is not sent to twice.
     */
    static final Duration LEASE = Duration.ofMinutes(5);

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> SECRETS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final DeliveryQueue queue;

    Outbox(JdbcClient jdbc, DeliveryQueues queues, NotificationSettings settings) {
        this.jdbc = jdbc;
        this.queue = queues.queue(TABLES, settings.retryPolicy(), LEASE);
    }

    DeliveryQueue queue() {
        return queue;
    }

    /** A notification to queue; {@code dedupKey} names what it is about, so the same cause never queues it twice. */
    record Queued(
            String dedupKey,
            String channel,
            String recipient,
            String template,
            String language,
            Map<String, Object> parameters,
            Map<String, String> secrets) {}

    /** Queues the notification, due now; false when one with the same key is already queued. */
    boolean enqueue(Queued notification, Instant now) {
        return jdbc.sql("""
                insert into notification_outbox (id, dedup_key, channel, recipient, template, language, parameters,
                  secrets, state, attempts, next_attempt_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, 'pending', 0, ?, ?, ?)
                on conflict (dedup_key) do nothing""")
                        .params(
                                UUID.randomUUID(),
                                notification.dedupKey(),
                                notification.channel(),
                                notification.recipient(),
                                notification.template(),
                                notification.language(),
                                json.writeValueAsString(notification.parameters()),
                                notification.secrets().isEmpty()
                                        ? null
                                        : json.writeValueAsString(notification.secrets()),
                                Timestamp.from(now),
                                Timestamp.from(now),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    /** What a claimed notification says, as its channel needs it. */
    record Content(
            NotificationId id,
            String channel,
            String recipient,
            String template,
            String language,
            Map<String, Object> parameters,
            Map<String, String> secrets) {}

    /** The content of a notification, which the delivery module claimed by id. */
    Content content(DeliveryId id) {
        return jdbc.sql("""
                select channel, recipient, template, language, parameters::text as parameters, secrets::text as secrets
                from notification_outbox where id = ?""")
                .param(id.value())
                .query((row, n) -> new Content(
                        new NotificationId(id.value()),
                        row.getString("channel"),
                        row.getString("recipient"),
                        row.getString("template"),
                        row.getString("language"),
                        json.readValue(row.getString("parameters"), PARAMETERS),
                        row.getString("secrets") == null
                                ? Map.of()
                                : json.readValue(row.getString("secrets"), SECRETS)))
                .single();
    }

    /** The notification went out: its secrets are erased, for they are needed no longer. */
    void eraseSecrets(DeliveryId id) {
        jdbc.sql("update notification_outbox set secrets = null where id = ?")
                .param(id.value())
                .update();
    }

    /** The dead letters, most recently given up on first. */
    List<NotificationView> deadLetters(int limit) {
        return views(queue.deadLetters(limit));
    }

    Optional<NotificationView> find(NotificationId id) {
        return queue.find(new DeliveryId(id.value()))
                .map(status -> views(List.of(status)).get(0));
    }

    /** Locks a notification's row for a change by an admin. */
    Optional<NotificationView> lock(NotificationId id) {
        return queue.lock(new DeliveryId(id.value()))
                .map(status -> views(List.of(status)).get(0));
    }

    /** Sends a dead letter back to the outbox with a fresh count of attempts, due now. */
    void revive(NotificationId id) {
        queue.revive(new DeliveryId(id.value()));
    }

    /** Where a notification goes, as an admin sees it beside its delivery status. */
    private record Addressing(UUID id, String channel, String recipient, String template, String language) {}

    private List<NotificationView> views(List<DeliveryStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        Map<UUID, Addressing> addressing = jdbc
                .sql("""
                        select id, channel, recipient, template, language from notification_outbox where id = any(?)""")
                .param(statuses.stream().map(status -> status.id().value()).toArray(UUID[]::new))
                .query((row, n) -> new Addressing(
                        row.getObject("id", UUID.class),
                        row.getString("channel"),
                        row.getString("recipient"),
                        row.getString("template"),
                        row.getString("language")))
                .list()
                .stream()
                .collect(Collectors.toMap(Addressing::id, Function.identity()));
        return statuses.stream()
                .map(status ->
                        view(Objects.requireNonNull(addressing.get(status.id().value())), status))
                .toList();
    }

    private static NotificationView view(Addressing to, DeliveryStatus status) {
        return new NotificationView(
                new NotificationId(to.id()),
                to.channel(),
                to.recipient(),
                to.template(),
                to.language(),
                status.state(),
                status.attempts(),
                status.nextAttemptAt(),
                status.lastError(),
                status.createdAt(),
                status.updatedAt(),
                status.deliveredAt(),
                status.deliveries());
    }
}
