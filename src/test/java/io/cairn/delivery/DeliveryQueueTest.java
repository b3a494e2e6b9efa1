package io.cairn.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.OneModule;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A queue over a module's own tables (here the test's): claims that two workers never share, a lease after which a
 * crashed attempt is made again, back-off, dead letters by time and an admin's retry, and rounds that deliver many
 * items at once but each once.
 */
@OneModule
class DeliveryQueueTest {

    private static final QueueTables TABLES = new QueueTables("test_push", "test_push_delivery", "push_id");
    private static final Duration LEASE = Duration.ofMinutes(5);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));

    /** A clock that stands still until a test moves it. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(at -> at.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void freshTables() {
        jdbc.sql("drop table if exists test_push_delivery, test_push").update();
        jdbc.sql("""
                create table test_push (
                    id uuid primary key, endpoint text not null,
                    state text not null check (state in ('pending', 'delivered', 'dead')),
                    attempts integer not null default 0, next_attempt_at timestamptz not null, last_error text,
                    created_at timestamptz not null, updated_at timestamptz not null, delivered_at timestamptz,
                    revived_at timestamptz)""").update();
        jdbc.sql("create index test_push_due on test_push (next_attempt_at) where state = 'pending'")
                .update();
        jdbc.sql("""
                create table test_push_delivery (
                    id bigserial primary key, push_id uuid not null references test_push (id), attempt integer not null,
                    at timestamptz not null, succeeded boolean not null, detail text)""").update();
    }

    private DeliveryQueue queue(RetryPolicy policy) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new DeliveryQueue(TABLES, policy, LEASE, jdbc, own, clock);
    }

    private static RetryPolicy attempts(int max) {
        return RetryPolicy.upToAttempts(max, Duration.ofMinutes(1), Duration.ofMinutes(10), RetryPolicy.Jitter.FULL);
    }

    /** Queues a push to the endpoint, due now, as the owning module does in the transaction of its decision. */
    private DeliveryId push(String endpoint) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into test_push (id, endpoint, state, attempts, next_attempt_at, created_at, updated_at)
                values (?, ?, 'pending', 0, ?, ?, ?)""").params(id, endpoint, now, now, now).update();
        return new DeliveryId(id);
    }

    private String endpoint(DeliveryId id) {
        return jdbc.sql("select endpoint from test_push where id = ?")
                .param(id.value())
                .query(String.class)
                .single();
    }

    @Test
    void anItemThatOneWorkerClaimedIsNeverClaimedByAnotherAtTheSameTime() throws Exception {
        DeliveryQueue queue = queue(attempts(3));
        Set<DeliveryId> queued = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 200; i++) {
            queued.add(push("https://subscriber-" + i + ".test/inbox"));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<DeliveryId>>> claims = new ArrayList<>();
            for (int worker = 0; worker < 2; worker++) {
                claims.add(workers.submit(() -> {
                    together.await();
                    List<DeliveryId> mine = new ArrayList<>();
                    for (List<ClaimedDelivery> batch = queue.claimDue(3, List.of());
                            !batch.isEmpty();
                            batch = queue.claimDue(3, List.of())) {
                        batch.forEach(item -> mine.add(item.id()));
                    }
                    return mine;
                }));
            }
            List<DeliveryId> first = claims.get(0).get(30, TimeUnit.SECONDS);
            List<DeliveryId> second = claims.get(1).get(30, TimeUnit.SECONDS);

            assertThat(first).isNotEmpty().doesNotHaveDuplicates().doesNotContainAnyElementsOf(second);
            assertThat(second).isNotEmpty().doesNotHaveDuplicates();
            assertThat(first.size() + second.size()).isEqualTo(200);
            assertThat(Set.copyOf(first)).hasSize(first.size());
            assertThat(queued).containsAll(first).containsAll(second);
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aClaimSkipsRowsThatAnotherWorkerHoldsLockedInsteadOfWaitingForThem() throws Exception {
        DeliveryQueue queue = queue(attempts(3));
        DeliveryId held = push("https://held.test/inbox");
        DeliveryId free = push("https://free.test/inbox");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> holder = other.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("select id from test_push where id = ? for update")
                        .param(held.value())
                        .query()
                        .listOfRows();
                locked.countDown();
                await(release);
            }));
            await(locked);

            List<ClaimedDelivery> claimed = queue.claimDue(10, List.of());

            assertThat(claimed).extracting(ClaimedDelivery::id).containsExactly(free);
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            assertThat(queue.claimDue(10, List.of()))
                    .extracting(ClaimedDelivery::id)
                    .containsExactly(held);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void anAttemptWhoseWorkerDiedIsMadeAgainOnceItsLeaseHasEnded() {
        DeliveryQueue queue = queue(attempts(3));
        DeliveryId id = push("https://crash.test/inbox");
        assertThat(queue.claimDue(10, List.of())).hasSize(1);
        // the node dies here: it sent nothing and recorded nothing

        clock.advance(LEASE.minusSeconds(1));
        assertThat(queue.claimDue(10, List.of())).as("still leased").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        List<String> sent = new ArrayList<>();
        DeliveryRound round =
                queue.worker(item -> sent.add(endpoint(item.id())), 50, 1).deliverDue();

        assertThat(round).isEqualTo(new DeliveryRound(1, 0, 0));
        assertThat(sent).containsExactly("https://crash.test/inbox");
        DeliveryStatus status = queue.find(id).orElseThrow();
        assertThat(status.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(status.attempts()).as("the lost attempt counts").isEqualTo(2);
        assertThat(status.deliveries()).extracting(DeliveryAttempt::attempt).containsExactly(2);
        assertThat(status.deliveredAt()).isEqualTo(clock.instant());
    }

    @Test
    void aLateFailureOfAnAttemptWhoseLeaseEndedIsLoggedButLeavesTheNewerAttemptAlone() {
        DeliveryQueue queue = queue(attempts(2));
        DeliveryId id = push("https://slow.test/inbox");
        ClaimedDelivery first = queue.claimDue(1, List.of()).get(0);
        clock.advance(LEASE.plusSeconds(1));
        ClaimedDelivery second = queue.claimDue(1, List.of()).get(0);

        DeliveryState late = queue.failed(first, new IllegalStateException("read timed out"));

        assertThat(late).isEqualTo(DeliveryState.PENDING);
        DeliveryStatus held = queue.find(id).orElseThrow();
        assertThat(held.attempts()).isEqualTo(2);
        assertThat(held.nextAttemptAt())
                .as("still leased to the second attempt")
                .isEqualTo(second.leaseEnds());
        assertThat(held.lastError()).isNull();
        queue.delivered(second, item -> {});
        assertThat(queue.find(id).orElseThrow().deliveries())
                .extracting(DeliveryAttempt::attempt, DeliveryAttempt::succeeded)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
    }

    @Test
    void itemsDeliveredTogetherAreRecordedTogetherEachWithItsOwnAttemptAndTheDeliverersAfterwork() {
        DeliveryQueue queue = queue(attempts(3));
        DeliveryId once = push("https://one.test/inbox");
        DeliveryId twice = push("https://two.test/inbox");
        DeliveryId alreadyDelivered = push("https://three.test/inbox");
        queue.claimDue(1, List.of(once, alreadyDelivered));
        clock.advance(LEASE.plusSeconds(1));
        List<ClaimedDelivery> claimed = queue.claimDue(10, List.of());
        assertThat(claimed).extracting(ClaimedDelivery::id).containsExactlyInAnyOrder(once, twice, alreadyDelivered);
        ClaimedDelivery third = claimed.stream()
                .filter(item -> item.id().equals(alreadyDelivered))
                .findFirst()
                .orElseThrow();
        queue.delivered(third, item -> {});
        Instant firstDelivered = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        List<DeliveryId> afterwards = new ArrayList<>();

        queue.delivered(claimed, new Deliverer() {
            @Override
            public void deliver(ClaimedDelivery item) {}

            @Override
            public void afterDelivered(DeliveryId id) {
                afterwards.add(id);
            }
        });

        assertThat(afterwards).containsExactlyInAnyOrder(once, twice, alreadyDelivered);
        assertThat(queue.find(once).orElseThrow())
                .satisfies(status -> assertThat(status.state()).isEqualTo(DeliveryState.DELIVERED))
                .satisfies(status -> assertThat(status.deliveries())
                        .extracting(DeliveryAttempt::attempt, DeliveryAttempt::succeeded)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true)));
        assertThat(queue.find(twice).orElseThrow().deliveries())
                .extracting(DeliveryAttempt::attempt, DeliveryAttempt::succeeded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true));
        assertThat(queue.find(alreadyDelivered).orElseThrow())
                .as("a second outcome of the same delivery is logged; the item stays delivered as it was")
                .satisfies(status -> assertThat(status.deliveredAt()).isEqualTo(firstDelivered))
                .satisfies(status -> assertThat(status.deliveries()).hasSize(2));
    }

    @Test
    void aFailedAttemptIsTriedAgainAfterItsBackOffAndDeadAfterTheLastAttempt() {
        DeliveryQueue queue = queue(attempts(2));
        DeliveryId id = push("https://down.test/inbox");
        DeliveryWorker worker = queue.worker(
                item -> {
                    throw new IllegalStateException("connection refused");
                },
                50,
                1);

        assertThat(worker.deliverDue()).isEqualTo(new DeliveryRound(0, 1, 0));
        DeliveryStatus failed = queue.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(failed.lastError()).isEqualTo("IllegalStateException: connection refused");
        assertThat(failed.nextAttemptAt())
                .isBetween(clock.instant().plusSeconds(60), clock.instant().plusSeconds(120));
        assertThat(worker.deliverDue()).as("not due yet").isEqualTo(new DeliveryRound(0, 0, 0));

        clock.advance(Duration.ofMinutes(2));
        assertThat(worker.deliverDue()).isEqualTo(new DeliveryRound(0, 0, 1));
        assertThat(queue.deadLetters(10)).extracting(DeliveryStatus::id).containsExactly(id);
        assertThat(queue.deadLetters(10).get(0).deliveries())
                .extracting(DeliveryAttempt::attempt, DeliveryAttempt::succeeded)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, false));
    }

    @Test
    void aFailurePastTheGiveUpTimeDeadLettersAndARevivedDeadLetterGetsAFreshRunAndIsDelivered() {
        DeliveryQueue queue = queue(RetryPolicy.forAtMost(
                Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMinutes(10), RetryPolicy.Jitter.EQUAL));
        DeliveryId id = push("https://flaky.test/inbox");
        AtomicInteger failuresLeft = new AtomicInteger(3);
        List<String> sent = new ArrayList<>();
        DeliveryWorker worker = queue.worker(
                item -> {
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("503 Service Unavailable");
                    }
                    sent.add(endpoint(item.id()));
                },
                50,
                1);

        assertThat(worker.deliverDue().deferred()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(61));
        assertThat(worker.deliverDue()).as("past the give-up time").isEqualTo(new DeliveryRound(0, 0, 1));
        assertThat(queue.find(id).orElseThrow().state()).isEqualTo(DeliveryState.DEAD);
        assertThat(queue.revive(id)).isTrue();
        assertThat(queue.revive(id)).as("only a dead letter").isFalse();
        DeliveryStatus revived = queue.find(id).orElseThrow();
        assertThat(revived.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(revived.attempts()).isZero();
        assertThat(revived.nextAttemptAt()).isEqualTo(clock.instant());

        assertThat(worker.deliverDue()).as("a fresh give-up time").isEqualTo(new DeliveryRound(0, 1, 0));
        clock.advance(Duration.ofMinutes(10));
        assertThat(worker.deliverDue()).isEqualTo(new DeliveryRound(1, 0, 0));

        assertThat(sent).containsExactly("https://flaky.test/inbox");
        DeliveryStatus delivered = queue.find(id).orElseThrow();
        assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(2);
        assertThat(delivered.deliveries())
                .extracting(DeliveryAttempt::succeeded)
                .containsExactly(false, false, false, true);
        assertThat(queue.deadLetters(10)).isEmpty();
    }

    @Test
    void anUndeliverableItemIsDeadAtOnce() {
        DeliveryQueue queue = queue(attempts(8));
        DeliveryId id = push("https://gone.test/inbox");

        DeliveryRound round = queue.worker(
                        item -> {
                            throw new Undeliverable("410 Gone");
                        },
                        50,
                        1)
                .deliverDue();

        assertThat(round).isEqualTo(new DeliveryRound(0, 0, 1));
        assertThat(queue.find(id).orElseThrow().lastError()).isEqualTo("Undeliverable: 410 Gone");
    }

    @Test
    void aRoundDeliversManyItemsAtOnceAndTriesEachOnlyOnceEvenWhenItIsDueAgainAtOnce() throws Exception {
        DeliveryQueue queue =
                queue(RetryPolicy.upToAttempts(5, Duration.ofNanos(1), Duration.ofNanos(1), RetryPolicy.Jitter.FULL));
        for (int i = 0; i < 120; i++) {
            push("https://subscriber-" + i + ".test/inbox");
        }
        Map<DeliveryId, AtomicInteger> tries = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (DeliveryWorker worker = queue.worker(
                item -> {
                    mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(20);
                        tries.computeIfAbsent(item.id(), id -> new AtomicInteger())
                                .incrementAndGet();
                        throw new IllegalStateException("timed out");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                },
                100,
                8)) {

            DeliveryRound round = worker.deliverDue();

            assertThat(round).isEqualTo(new DeliveryRound(0, 100, 0));
            assertThat(tries)
                    .hasSize(100)
                    .allSatisfy((id, count) -> assertThat(count.get()).isEqualTo(1));
            assertThat(mostAtOnce.get()).isGreaterThan(1).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void anItemQueuedWhileASlowAttemptIsInFlightGoesOutInTheSameRoundWithoutWaitingForIt() throws Exception {
        DeliveryQueue queue = queue(attempts(3));
        DeliveryId slow = push("https://slow.test/inbox");
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch laterDelivered = new CountDownLatch(1);
        AtomicReference<Boolean> slowEndedFirst = new AtomicReference<>();
        Map<DeliveryId, AtomicInteger> tries = new ConcurrentHashMap<>();
        ExecutorService rounds = Executors.newSingleThreadExecutor();
        try (DeliveryWorker worker = queue.worker(
                item -> {
                    tries.computeIfAbsent(item.id(), id -> new AtomicInteger()).incrementAndGet();
                    if (item.id().equals(slow)) {
                        slowStarted.countDown();
                        await(laterDelivered);
                        slowEndedFirst.compareAndSet(null, true);
                    } else {
                        slowEndedFirst.compareAndSet(null, false);
                        laterDelivered.countDown();
                    }
                },
                100,
                4)) {
            Future<DeliveryRound> running = rounds.submit(worker::deliverDue);
            await(slowStarted);
            DeliveryId later = push("https://later.test/inbox");

            assertThat(worker.wake()).isTrue();

            DeliveryRound round = running.get(10, TimeUnit.SECONDS);
            assertThat(round).isEqualTo(new DeliveryRound(2, 0, 0));
            assertThat(slowEndedFirst.get()).isFalse();
            assertThat(tries).containsOnlyKeys(slow, later);
            assertThat(tries.values())
                    .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
            assertThat(worker.wake())
                    .as("no round is running to hear a wake-up")
                    .isFalse();
        } finally {
            rounds.shutdownNow();
        }
    }

    @Test
    void itemsForOneEndpointGoOutTogetherEachWithItsOwnOutcomeAndEachOnceARound() throws Exception {
        DeliveryQueue queue = queue(attempts(3));
        List<DeliveryId> busy = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            busy.add(push("https://busy.test/inbox"));
        }
        DeliveryId other = push("https://other.test/inbox");
        DeliveryId refused = busy.get(7);
        DeliveryId gone = busy.get(8);
        List<List<DeliveryId>> sentTogether = java.util.Collections.synchronizedList(new ArrayList<>());
        Deliverer grouping = new Deliverer() {
            @Override
            public void deliver(ClaimedDelivery item) {
                sentTogether.add(List.of(item.id()));
            }

            @Override
            public int mostTogether() {
                return 10;
            }

            @Override
            public List<List<ClaimedDelivery>> together(List<ClaimedDelivery> claimed) {
                Map<String, List<List<ClaimedDelivery>>> byEndpoint = new java.util.LinkedHashMap<>();
                for (ClaimedDelivery item : claimed) {
                    List<List<ClaimedDelivery>> groups =
                            byEndpoint.computeIfAbsent(endpoint(item.id()), endpoint -> new ArrayList<>());
                    if (groups.isEmpty() || groups.get(groups.size() - 1).size() == 10) {
                        groups.add(new ArrayList<>());
                    }
                    groups.get(groups.size() - 1).add(item);
                }
                return byEndpoint.values().stream().flatMap(List::stream).toList();
            }

            @Override
            public Map<DeliveryId, RuntimeException> deliverTogether(List<ClaimedDelivery> items) {
                sentTogether.add(items.stream().map(ClaimedDelivery::id).toList());
                Map<DeliveryId, RuntimeException> failed = new java.util.HashMap<>();
                for (ClaimedDelivery item : items) {
                    if (item.id().equals(refused)) {
                        failed.put(item.id(), new IllegalStateException("busy, try later"));
                    } else if (item.id().equals(gone)) {
                        failed.put(item.id(), new Undeliverable("refused for good"));
                    }
                }
                return failed;
            }
        };

        try (DeliveryWorker worker = queue.worker(grouping, 100, 2)) {
            DeliveryRound round = worker.deliverDue();

            assertThat(round).isEqualTo(new DeliveryRound(24, 1, 1));
        }
        assertThat(sentTogether).allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(10));
        assertThat(sentTogether.stream().flatMap(List::stream).toList())
                .as("each item once")
                .hasSize(26)
                .doesNotHaveDuplicates();
        assertThat(sentTogether).contains(List.of(other));
        assertThat(sentTogether.stream().filter(group -> group.size() > 1).count())
                .as("the busy endpoint's items in a few envelopes")
                .isLessThanOrEqualTo(5);
        assertThat(queue.find(refused).orElseThrow().state()).isEqualTo(DeliveryState.PENDING);
        assertThat(queue.find(gone).orElseThrow().state()).isEqualTo(DeliveryState.DEAD);
        assertThat(queue.find(busy.get(0)).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
