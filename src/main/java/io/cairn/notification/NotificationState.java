package io.cairn.notification;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a notification stands: waiting to go (again), delivered, or given up on after the last attempt. */
public enum NotificationState {
    PENDING,
    DELIVERED,
    DEAD;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static NotificationState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
