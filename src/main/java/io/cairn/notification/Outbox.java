package io.cairn.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification outbox and its delivery log. Rows are written in the transaction of the event that causes them,
 * and claimed one at a time with {@code FOR UPDATE SKIP LOCKED}, so several nodes drain it without sending a
 * notification twice at once.
 */
@Component
class Outbox {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> SECRETS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** A notification claimed for an attempt; its row stays locked until the transaction ends. */
    record Claimed(
            NotificationId id,
            String channel,
            String recipient,
            String template,
            String language,
            Map<String, Object> parameters,
            Map<String, String> secrets,
            int attempts) {}

    /**
     * Claims the notification that has waited longest among those due, skipping rows another node holds and rows
     * already tried in this round (changed since it began).
     */
    Optional<Claimed> claimNextDue(Instant now, Instant roundStart) {
        return jdbc.sql("""
                select id, channel, recipient, template, language, parameters::text as parameters,
                       secrets::text as secrets, attempts
                from notification_outbox
                where state = 'pending' and next_attempt_at <= ? and updated_at < ?
                order by next_attempt_at
                limit 1
                for update skip locked""")
                .params(Timestamp.from(now), Timestamp.from(roundStart))
                .query((row, n) -> new Claimed(
                        new NotificationId(row.getObject("id", UUID.class)),
                        row.getString("channel"),
                        row.getString("recipient"),
                        row.getString("template"),
                        row.getString("language"),
                        json.readValue(row.getString("parameters"), PARAMETERS),
                        row.getString("secrets") == null ? Map.of() : json.readValue(row.getString("secrets"), SECRETS),
                        row.getInt("attempts")))
                .optional();
    }

    /** The notification went out: its secrets are erased, for they are needed no longer. */
    void delivered(NotificationId id, int attempt, Instant now) {
        jdbc.sql("""
                update notification_outbox set state = 'delivered', attempts = ?, secrets = null, last_error = null,
                  delivered_at = ?, updated_at = ? where id = ?""")
                .params(attempt, Timestamp.from(now), Timestamp.from(now), id.value())
                .update();
        log(id, attempt, now, true, null);
    }

    /** The attempt failed: try again at {@code retryAt}, or give up (dead letter) when that is empty. */
    void failed(NotificationId id, int attempt, String error, @Nullable Instant retryAt, Instant now) {
        jdbc.sql("""
                update notification_outbox set state = ?, attempts = ?, last_error = ?, next_attempt_at = ?,
                  updated_at = ? where id = ?""")
                .params(
                        retryAt == null ? "dead" : "pending",
                        attempt,
                        error,
                        Timestamp.from(retryAt == null ? now : retryAt),
                        Timestamp.from(now),
                        id.value())
                .update();
        log(id, attempt, now, false, error);
    }

    private void log(NotificationId id, int attempt, Instant at, boolean succeeded, @Nullable String detail) {
        jdbc.sql("insert into notification_delivery (notification_id, attempt, at, succeeded, detail) "
                        + "values (?, ?, ?, ?, ?)")
                .params(id.value(), attempt, Timestamp.from(at), succeeded, detail)
                .update();
    }

    /** The dead letters, most recently given up on first. */
    List<NotificationView> deadLetters(int limit) {
        return jdbc.sql(SELECT + " where state = 'dead' order by updated_at desc, id limit ?")
                .param(limit)
                .query((row, n) -> view(row))
                .list();
    }

    Optional<NotificationView> find(NotificationId id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id.value())
                .query((row, n) -> view(row))
                .optional();
    }

    /** Locks a notification's row for a change by an admin. */
    Optional<NotificationView> lock(NotificationId id) {
        return jdbc.sql(SELECT + " where id = ? for update")
                .param(id.value())
                .query((row, n) -> view(row))
                .optional();
    }

    /** Sends a dead letter back to the outbox with a fresh count of attempts, due now. */
    void revive(NotificationId id, Instant now) {
        jdbc.sql("""
                update notification_outbox set state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?
                where id = ? and state = 'dead'""")
                .params(Timestamp.from(now), Timestamp.from(now), id.value())
                .update();
    }

    private static final String SELECT = """
            select id, channel, recipient, template, language, state, attempts, next_attempt_at, last_error,
                   created_at, updated_at, delivered_at
            from notification_outbox""";

    private NotificationView view(ResultSet row) throws SQLException {
        NotificationId id = new NotificationId(row.getObject("id", UUID.class));
        NotificationState state = NotificationState.ofCode(row.getString("state"));
        return new NotificationView(
                id,
                row.getString("channel"),
                row.getString("recipient"),
                row.getString("template"),
                row.getString("language"),
                state,
                row.getInt("attempts"),
                state == NotificationState.PENDING
                        ? row.getTimestamp("next_attempt_at").toInstant()
                        : null,
                row.getString("last_error"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                instant(row.getTimestamp("delivered_at")),
                deliveries(id));
    }

    private List<DeliveryAttempt> deliveries(NotificationId id) {
        return jdbc.sql("select attempt, at, succeeded, detail from notification_delivery where notification_id = ? "
                        + "order by id")
                .param(id.value())
                .query((row, n) -> new DeliveryAttempt(
                        row.getInt("attempt"),
                        row.getTimestamp("at").toInstant(),
                        row.getBoolean("succeeded"),
                        row.getString("detail")))
                .list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
