package io.cairn.delivery;

import java.util.regex.Pattern;

/**
 * The tables of one module's queue, named by the module that owns them as constants (never from input): they go into
 * SQL as they are, so each must be a plain lower-case identifier.
 *
 * <p>The queue table has at least these columns (the module adds its payload columns):
 *
 * <pre>
 * id uuid primary key, state text not null check (state in ('pending', 'delivered', 'dead')),
 * attempts integer not null default 0, next_attempt_at timestamptz not null, last_error text,
 * created_at timestamptz not null, updated_at timestamptz not null, delivered_at timestamptz, revived_at timestamptz
 * </pre>
 *
 * with an index on {@code (next_attempt_at) where state = 'pending'}; a new row is {@code pending} with no attempts,
 * due at {@code next_attempt_at}. The delivery log has {@code id bigserial primary key}, the reference to the queue
 * row ({@code logReference}, indexed with {@code id}), {@code attempt integer}, {@code at timestamptz},
 * {@code succeeded boolean} and {@code detail text}.
 *
 * @param queue the queue table, such as {@code notification_outbox}
 * @param log the delivery log, one row per attempt, such as {@code notification_delivery}
 * @param logReference the log's column that holds the queue row's id, such as {@code notification_id}
 */
public record QueueTables(String queue, String log, String logReference) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public QueueTables {
        requireIdentifier("queue", queue);
        requireIdentifier("log", log);
        requireIdentifier("logReference", logReference);
    }

    private static void requireIdentifier(String what, String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " '" + name + "' is not a plain lower-case SQL identifier ([a-z][a-z0-9_]*, 63 at most)");
        }
    }
}
