package io.cairn.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How notices write an instant: minutes in UTC, the same in every language. */
final class NoticeTimes {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private NoticeTimes() {}

    static String utc(Instant instant) {
        return UTC.format(instant);
    }
}
