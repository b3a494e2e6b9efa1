package io.cairn.delivery;

/**
 * A failure that another attempt cannot mend (the receiver refused the item for good): the item becomes a dead letter
 * at once, whatever its {@link RetryPolicy} allows.
 */
public class Undeliverable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Undeliverable(String message) {
        super(message);
    }

    public Undeliverable(String message, Throwable cause) {
        super(message, cause);
    }
}
