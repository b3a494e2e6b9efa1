package io.cairn.delivery;

import java.time.Instant;

/**
 * An item of a queue that a worker claimed for one attempt: no other worker claims it until the attempt's outcome is
 * recorded or its lease ends.
 *
 * @param id the item, whose payload its module reads from its own table
 * @param attempt the number of this attempt, 1 for the first (counted from the last admin retry)
 * @param since when the current run of attempts began: when the item was queued, or when an admin last retried it
 * @param leaseEnds when the item becomes due again if no outcome of this attempt is recorded (a node died)
 */
public record ClaimedDelivery(DeliveryId id, int attempt, Instant since, Instant leaseEnds) {}
