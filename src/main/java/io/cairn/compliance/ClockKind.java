package io.cairn.compliance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of clock a regime's stage may have, by the names regime files use. */
public enum ClockKind {
    AFTER,
    AFTER_BUT_NO_LATER_THAN,
    CALENDAR_PERIOD,
    BUSINESS_DAYS,
    WITHOUT_UNDUE_DELAY,
    ON_REQUEST;

    /** The name regime files use: {@code after-but-no-later-than}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<ClockKind> find(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }

    /** The names of all kinds, for a message that lists them. */
    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ClockKind::code).toList());
    }
}
