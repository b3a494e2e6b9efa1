package io.cairn.delivery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module does with a claimed item of its queue: read its payload and send it. A {@link DeliveryWorker} calls it
 * outside any transaction, each item at most once per round, several at once when its parallelism is above one. A
 * module that can send several items in one go (to one recipient, say) groups them ({@link #together}) and sends each
 * group as one attempt ({@link #deliverTogether}).
 */
public interface Deliverer {

    /**
     * Sends the item, or throws an exception that says why not: the attempt is recorded as failed and retried after a
     * back-off, or dead-lettered by the queue's {@link RetryPolicy}; {@link Undeliverable} dead-letters it at once.
     * Delivery is at least once (a node that dies after sending sends again), so receivers drop a second copy by id;
     * it should end well within the queue's lease.
     */
    void deliver(ClaimedDelivery item);

    /**
     * The most items that go out together in one attempt: 1 (the default), each alone. Above 1 the worker claims up to
     * this many items for each free slot and asks {@link #together} how to group them.
     */
    default int mostTogether() {
        return 1;
    }

    /**
     * The items of one claim grouped into attempts, each group at most {@link #mostTogether} items, every item in
     * exactly one group; each alone by default.
     */
    default List<List<ClaimedDelivery>> together(List<ClaimedDelivery> claimed) {
        return claimed.stream().map(List::of).toList();
    }

    /**
     * Sends a group of items in one go: answers, by item, why each one that did not go out failed (none: all went
     * out), with exceptions as {@link #deliver} throws them. One by one by default.
     */
    default Map<DeliveryId, RuntimeException> deliverTogether(List<ClaimedDelivery> items) {
        Map<DeliveryId, RuntimeException> failed = new HashMap<>();
        for (ClaimedDelivery item : items) {
            try {
                deliver(item);
            } catch (RuntimeException failure) {
                failed.put(item.id(), failure);
            }
        }
        return failed;
    }

    /**
     * Runs in the transaction that records the item as delivered, for what the module keeps no longer once it went
     * out (such as secrets in the payload).
     */
    default void afterDelivered(DeliveryId id) {}
}
