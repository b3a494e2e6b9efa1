package io.cairn.isms.schedules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a schedule on a calendar does with an occurrence that falls on a day nobody works. */
public enum NonWorkingDay {
    /** The run starts on the next working day, at the same local time. */
    NEXT_WORKING_DAY,
    /** That occurrence starts no run. */
    SKIP;

    /** The name as the API and the forms write it: {@code next-working-day}, {@code skip}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<NonWorkingDay> ofCode(String code) {
        return Arrays.stream(values())
                .filter(policy -> policy.code().equals(code.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
