package io.cairn.delivery;

/**
 * What a module does with a claimed item of its queue: read its payload and send it. A {@link DeliveryWorker} calls it
 * outside any transaction, each item at most once per round, several at once when its parallelism is above one.
 */
@FunctionalInterface
public interface Deliverer {

    /**
     * Sends the item, or throws an exception that says why not: the attempt is recorded as failed and retried after a
     * back-off, or dead-lettered by the queue's {@link RetryPolicy}; {@link Undeliverable} dead-letters it at once.
     * Delivery is at least once (a node that dies after sending sends again), so receivers drop a second copy by id;
     * it should end well within the queue's lease.
     */
    void deliver(ClaimedDelivery item);

    /**
     * Runs in the transaction that records the item as delivered, for what the module keeps no longer once it went
     * out (such as secrets in the payload).
     */
    default void afterDelivered(DeliveryId id) {}
}
