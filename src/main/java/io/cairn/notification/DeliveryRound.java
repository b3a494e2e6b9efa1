package io.cairn.notification;

/**
 * What one pass over the outbox did.
 *
 * @param delivered notifications that went out
 * @param deferred notifications whose attempt failed and that are tried again later
 * @param deadLettered notifications whose last allowed attempt failed
 */
public record DeliveryRound(int delivered, int deferred, int deadLettered) {

    int handled() {
        return delivered + deferred + deadLettered;
    }
}
