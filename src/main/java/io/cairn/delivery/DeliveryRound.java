package io.cairn.delivery;

/**
 * What one pass of a {@link DeliveryWorker} over its queue did.
 *
 * @param delivered items that went out
 * @param deferred items whose attempt failed (or whose outcome could not be recorded) and that are tried again later
 * @param deadLettered items whose last allowed attempt failed
 */
public record DeliveryRound(int delivered, int deferred, int deadLettered) {

    /** How many items the pass tried. */
    public int handled() {
        return delivered + deferred + deadLettered;
    }
}
