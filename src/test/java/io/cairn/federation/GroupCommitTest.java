package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void aLoneCallerWritesItsItemAtOnceInABatchOfItsOwn() {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, String> commit = new GroupCommit<>(8, items -> {
            batches.add(items);
            return items.stream().map(item -> "wrote " + item).toList();
        });

        assertThat(commit.write(7)).isEqualTo("wrote 7");
        assertThat(batches).containsExactly(List.of(7));
    }

    @Test
    void callersArrivingWhileABatchIsWrittenAreWrittenTogetherAndEachGetsItsOwnAnswer() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(64, items -> {
            batches.add(items);
            if (batches.size() == 1) {
                firstBatchStarted.countDown();
                await(othersQueued);
            }
            return items.stream().map(item -> item * 10).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<Integer> first = pool.submit(() -> commit.write(0));
            firstBatchStarted.await(10, TimeUnit.SECONDS);
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                int item = i;
                others.add(pool.submit(() -> commit.write(item)));
            }
            awaitWaiting(commit, 8);
            othersQueued.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
            for (int i = 1; i <= 8; i++) {
                assertThat(others.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aBatchIsNeverLargerThanItsLimitAndEveryItemIsWrittenOnce() throws Exception {
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger largest = new AtomicInteger();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(4, items -> {
            largest.accumulateAndGet(items.size(), Math::max);
            written.addAll(items);
            return items;
        });
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int item = i;
                calls.add(() -> commit.write(item));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            assertThat(answers).hasSize(400).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
        assertThat(written).hasSize(400).doesNotHaveDuplicates();
        assertThat(largest.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void whenABatchFailsEachItemIsWrittenAloneAndOnlyTheFailingCallerGetsTheFailure() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        GroupCommit<Integer, Integer> commit = new GroupCommit<>(64, items -> {
            if (calls.incrementAndGet() == 1) {
                firstBatchStarted.countDown();
                await(othersQueued);
            }
            if (items.contains(13)) {
                throw new IllegalStateException("13 cannot be written");
            }
            return items;
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> first = pool.submit(() -> commit.write(1));
            firstBatchStarted.await(10, TimeUnit.SECONDS);
            Future<Integer> two = pool.submit(() -> commit.write(2));
            Future<Integer> unlucky = pool.submit(() -> commit.write(13));
            Future<Integer> three = pool.submit(() -> commit.write(3));
            awaitWaiting(commit, 3);
            othersQueued.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(two.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(three.get(10, TimeUnit.SECONDS)).isEqualTo(3);
            assertThatThrownBy(() -> unlucky.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("13 cannot be written");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitWaiting(GroupCommit<?, ?> commit, int items) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (commit.waiting() < items && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(commit.waiting())
                .as("items queued behind the batch being written")
                .isEqualTo(items);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
