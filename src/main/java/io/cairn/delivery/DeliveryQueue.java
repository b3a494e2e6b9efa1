package io.cairn.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One module's queue of outgoing work over its own queue table and delivery log ({@link QueueTables}): claiming due
 * items with a lease, recording each attempt's outcome, the dead letters, and reviving one. Made by
 * {@link DeliveryQueues}; the module writes new rows itself, in the transaction of the decision that causes them.
 */
public final class DeliveryQueue {

    private final QueueStatements sql;
    private final RetryPolicy policy;
    private final Duration lease;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransactions;
    private final Clock clock;

    DeliveryQueue(
            QueueTables tables,
            RetryPolicy policy,
            Duration lease,
            JdbcClient jdbc,
            TransactionTemplate ownTransactions,
            Clock clock) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be longer than zero, not " + lease);
        }
        this.sql = new QueueStatements(tables);
        this.policy = policy;
        this.lease = lease;
        this.jdbc = jdbc;
        this.ownTransactions = ownTransactions;
        this.clock = clock;
    }

    /** The queue table's name, for logs. */
    public String name() {
        return sql.tables().queue();
    }

    /** When this queue tries a failed item again, and when it gives up. */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * A worker that drains this queue through the deliverer, at most {@code batchSize} items a round and
     * {@code parallelism} at once (1: one after the other, in the caller's thread).
     */
    public DeliveryWorker worker(Deliverer deliverer, int batchSize, int parallelism) {
        return new DeliveryWorker(this, deliverer, batchSize, parallelism);
    }

    /**
     * Claims up to {@code limit} due items (those due longest first; returned oldest first), skipping those another
     * worker holds and those in {@code exclude}: in one statement of its own transaction, each claimed item counts an attempt and is due again
     * only when its lease ends, so the attempt itself runs outside any transaction and an item whose worker died is
     * claimed again after the lease (at least once).
     */
    public List<ClaimedDelivery> claimDue(int limit, Collection<DeliveryId> exclude) {
        if (limit <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant leaseEnds = now.plus(lease);
        UUID[] excluded = exclude.stream().map(DeliveryId::value).toArray(UUID[]::new);
        List<ClaimedDelivery> claimed = ownTransactions.execute(status -> jdbc.sql(sql.claim())
                .params(Timestamp.from(now), excluded, limit, Timestamp.from(leaseEnds), Timestamp.from(now))
                .query((row, n) -> new ClaimedDelivery(
                        new DeliveryId(row.getObject("id", UUID.class)),
                        row.getInt("attempts"),
                        row.getTimestamp("since").toInstant(),
                        leaseEnds))
                .list());
        return claimed == null
                ? List.of()
                : claimed.stream()
                        .sorted(Comparator.comparing(ClaimedDelivery::since))
                        .toList();
    }

    /**
     * Records that the item went out, and runs the deliverer's {@link Deliverer#afterDelivered} in the same
     * transaction. A late outcome of an attempt whose lease ended still counts: the item did go out.
     */
    public void delivered(ClaimedDelivery item, Deliverer deliverer) {
        delivered(List.of(item), deliverer);
    }

    /**
     * Records that the items went out, in one transaction of two statements however many they are, and runs the
     * deliverer's {@link Deliverer#afterDelivered} for each in it.
     */
    public void delivered(List<ClaimedDelivery> items, Deliverer deliverer) {
        if (items.isEmpty()) {
            return;
        }
        UUID[] ids = items.stream().map(item -> item.id().value()).toArray(UUID[]::new);
        Integer[] attempts = items.stream().map(ClaimedDelivery::attempt).toArray(Integer[]::new);
        ownTransactions.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql(sql.delivered()).params(now, now, ids).update();
            jdbc.sql(sql.logDelivered()).params(now, ids, attempts).update();
            items.forEach(item -> deliverer.afterDelivered(item.id()));
        });
    }

    /**
     * Records that the attempt failed: the item is due again after the policy's back-off, or dead when the policy gives
     * up or the failure is {@link Undeliverable}. Only the latest attempt changes the item (a late outcome of an
     * attempt whose lease ended is logged, nothing more). Returns the state the item is left in: pending when a newer
     * attempt holds it.
     */
    public DeliveryState failed(ClaimedDelivery item, RuntimeException failure) {
        String reason = FailureReason.of(failure);
        DeliveryState state = ownTransactions.execute(status -> {
            Instant now = clock.instant();
            Optional<Instant> retryAt = failure instanceof Undeliverable
                    ? Optional.empty()
                    : policy.retryAt(item.attempt(), item.since(), now, ThreadLocalRandom.current());
            DeliveryState after = retryAt.isPresent() ? DeliveryState.PENDING : DeliveryState.DEAD;
            int changed = jdbc.sql(sql.failed())
                    .params(
                            after.code(),
                            reason,
                            Timestamp.from(retryAt.orElse(now)),
                            Timestamp.from(now),
                            item.id().value(),
                            item.attempt())
                    .update();
            log(item, now, false, reason);
            return changed == 1 ? after : DeliveryState.PENDING;
        });
        return state == null ? DeliveryState.PENDING : state;
    }

    private void log(ClaimedDelivery item, Instant at, boolean succeeded, @Nullable String detail) {
        jdbc.sql(sql.log())
                .params(item.id().value(), item.attempt(), Timestamp.from(at), succeeded, detail)
                .update();
    }

    /** The dead letters, most recently given up on first, with their delivery logs. */
    public List<DeliveryStatus> deadLetters(int limit) {
        return withDeliveries(
                jdbc.sql(sql.deadLetters()).param(limit).query(this::status).list());
    }

    /** One item with its delivery log. */
    public Optional<DeliveryStatus> find(DeliveryId id) {
        return jdbc.sql(sql.one())
                .param(id.value())
                .query(this::status)
                .optional()
                .map(this::withDeliveries);
    }

    /** One item with its delivery log, its row locked until the caller's transaction ends (for an admin's change). */
    public Optional<DeliveryStatus> lock(DeliveryId id) {
        return jdbc.sql(sql.lock())
                .param(id.value())
                .query(this::status)
                .optional()
                .map(this::withDeliveries);
    }

    /**
     * Sends a dead letter back to the queue with a fresh count of attempts and a fresh give-up time, due now, in the
     * caller's transaction; false when the item is not a dead letter.
     */
    public boolean revive(DeliveryId id) {
        Instant now = clock.instant();
        return jdbc.sql(sql.revive())
                        .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), id.value())
                        .update()
                == 1;
    }

    private DeliveryStatus status(ResultSet row, int n) throws SQLException {
        DeliveryState state = DeliveryState.ofCode(row.getString("state"));
        return new DeliveryStatus(
                new DeliveryId(row.getObject("id", UUID.class)),
                state,
                row.getInt("attempts"),
                state == DeliveryState.PENDING
                        ? row.getTimestamp("next_attempt_at").toInstant()
                        : null,
                row.getString("last_error"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                instant(row.getTimestamp("delivered_at")),
                List.of());
    }

    private DeliveryStatus withDeliveries(DeliveryStatus status) {
        return withDeliveries(List.of(status)).get(0);
    }

    /** Adds the delivery logs of all the items in one query. */
    private List<DeliveryStatus> withDeliveries(List<DeliveryStatus> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<UUID, List<DeliveryAttempt>> logs = new HashMap<>();
        UUID[] ids = items.stream().map(item -> item.id().value()).toArray(UUID[]::new);
        jdbc.sql(sql.deliveries()).param(ids).query(row -> {
            logs.computeIfAbsent(row.getObject("reference", UUID.class), reference -> new ArrayList<>())
                    .add(new DeliveryAttempt(
                            row.getInt("attempt"),
                            row.getTimestamp("at").toInstant(),
                            row.getBoolean("succeeded"),
                            row.getString("detail")));
        });
        return items.stream()
                .map(item -> new DeliveryStatus(
                        item.id(),
                        item.state(),
                        item.attempts(),
                        item.nextAttemptAt(),
                        item.lastError(),
                        item.createdAt(),
                        item.updatedAt(),
                        item.deliveredAt(),
                        logs.getOrDefault(item.id().value(), List.of())))
                .toList();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
