package io.cairn.shared;

/**
 * Carries a refusal from a web controller to the one place that writes problem details.
 *
 * <p>Controllers turn a {@link Outcome.Refused} into this at the web boundary; it is never thrown inside a module.
 */
public class RefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.message(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
