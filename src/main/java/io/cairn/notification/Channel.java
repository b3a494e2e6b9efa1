package io.cairn.notification;

/**
 * A way for a notification to leave Cairn (mail now; a webhook can follow). The outbox worker calls
 * {@link #deliver} outside any transaction, while it holds the notification's lease ({@link Outbox#LEASE}): a channel
 * should fail well within it rather than hang, or another node sends the notification as well.
 */
interface Channel {

    /** The name the outbox stores, such as {@code mail}. */
    String name();

    /** False when the channel has no configuration: nothing is queued for it then. */
    boolean isConfigured();

    /**
     * Delivers the message, or throws an exception that says why not; the outbox counts the attempt and tries again
     * later. Delivery is at least once: the message's id lets a receiver drop a second copy.
     */
    void deliver(OutgoingMessage message);
}
