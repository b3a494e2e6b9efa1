package io.cairn.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Writes the items concurrent callers hand in many at a time, each batch in one transaction (one commit, one append to
 * the audit trail), and answers each caller only once its item is committed. A caller queues its item and waits its
 * turn to write: by then the writer before it may have written its item already; if not, it writes every item queued
 * so far, its own among them. A lone caller writes at once; under load a batch holds what arrived while the previous
 * one committed. When a batch fails, each of its items is written on its own, so that one item's failure is that
 * caller's alone.
 *
 * @param <T> what a caller writes
 * @param <R> what the caller is answered
 */
final class GroupCommit<T, R> {

    private record Waiting<T, R>(T item, CompletableFuture<R> result) {}

    private final ConcurrentLinkedQueue<Waiting<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();
    private final int maxBatch;
    private final Function<List<T>, List<R>> writeAll;

    /**
     * @param maxBatch the most items written in one transaction
     * @param writeAll writes items in one transaction and answers each one's result in their order, or throws having
     *     written nothing
     */
    GroupCommit(int maxBatch, Function<List<T>, List<R>> writeAll) {
        this.maxBatch = maxBatch;
        this.writeAll = writeAll;
    }

    /** Writes the item, with others handed in meanwhile; answers once it is committed, or throws what writing threw. */
    R write(T item) {
        Waiting<T, R> mine = new Waiting<>(item, new CompletableFuture<>());
        queue.add(mine);
        writing.lock();
        try {
            while (!mine.result().isDone()) {
                writeQueued();
            }
        } finally {
            writing.unlock();
        }
        try {
            return mine.result().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** How many items wait to be written now. */
    int waiting() {
        return queue.size();
    }

    private void writeQueued() {
        List<Waiting<T, R>> batch = new ArrayList<>();
        for (Waiting<T, R> next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        try {
            List<R> results = writeAll.apply(batch.stream().map(Waiting::item).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException | Error batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(batchFailed);
                return;
            }
            for (Waiting<T, R> waiting : batch) {
                try {
                    waiting.result()
                            .complete(writeAll.apply(List.of(waiting.item())).get(0));
                } catch (RuntimeException | Error failed) {
                    waiting.result().completeExceptionally(failed);
                }
            }
        }
    }
}
