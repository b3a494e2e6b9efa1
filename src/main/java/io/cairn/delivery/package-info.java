/**
 * Queues of outgoing work: claims, attempts, back-off with jitter, dead letters and admin retry; each module keeps its
 * own queue table and delivery log.
 *
 * <p>A module that sends something out of the process (a mail, a signed HTTP POST) writes a row to its own queue
 * table in the transaction of the decision, and drains it with a {@link io.cairn.delivery.DeliveryWorker} made by
 * {@link io.cairn.delivery.DeliveryQueues} over that table: at least once, crash-safe, on several nodes at once.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package io.cairn.delivery;
