package io.cairn.compliance;

import java.math.BigDecimal;

/**
 * A quantity of a decision's inputs (clients affected, hours of downtime, euros lost) and whether it is an estimate,
 * which the RTS 2024/1772 allows: an estimate names the basis it was made on (DORA-2).
 */
public record Amount(BigDecimal value, boolean estimate, String basis) {

    public Amount {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("an amount is 0 or more: " + value);
        }
        if (estimate && basis.isBlank()) {
            throw new IllegalArgumentException("an estimate names its basis");
        }
    }

    /** An exact amount. */
    static Amount exactly(long value) {
        return new Amount(BigDecimal.valueOf(value), false, "");
    }

    /** Whether the amount is above the threshold. */
    boolean above(BigDecimal threshold) {
        return value.compareTo(threshold) > 0;
    }
}
