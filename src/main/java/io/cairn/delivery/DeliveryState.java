package io.cairn.delivery;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an item of a delivery queue stands: waiting to go (again), delivered, or given up on (a dead letter). */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    DEAD;

    /** The state as the queue table's {@code state} column and JSON keep it: {@code pending}, ... */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
