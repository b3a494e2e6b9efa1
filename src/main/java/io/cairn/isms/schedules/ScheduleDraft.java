package io.cairn.isms.schedules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A schedule as a person writes it, in the API and the editor: every part as text, so that each problem is named by
 * its field rather than refused as a body that does not parse.
 *
 * @param procedureType the procedure type each run is of, by id or key
 * @param owner the login name of the enabled user who owns each run
 * @param values the start form's values each run gets, by field key
 * @param recurrence an RFC 5545 recurrence rule such as {@code FREQ=MONTHLY;BYDAY=1MO}
 * @param firstDay the first day the rule counts from, {@code yyyy-MM-dd}
 * @param time the local time of day each run starts, {@code HH:mm}
 * @param zone the time zone of that time, such as {@code Europe/Amsterdam}
 * @param calendar a business-hour calendar of the SLAs, by id or name; empty for none
 * @param nonWorkingDay on a calendar, what an occurrence on a day nobody works does: {@code next-working-day} or
 *     {@code skip}
 */
public record ScheduleDraft(
        String name,
        String procedureType,
        String owner,
        Map<String, String> values,
        String recurrence,
        String firstDay,
        String time,
        String zone,
        @Nullable String calendar,
        String nonWorkingDay) {

    public ScheduleDraft {
        name = trimmed(name);
        procedureType = trimmed(procedureType);
        owner = trimmed(owner);
        Map<String, String> given = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> {
                if (key != null) {
                    given.put(key.trim(), value == null ? "" : value.trim());
                }
            });
        }
        values = java.util.Collections.unmodifiableMap(given);
        recurrence = trimmed(recurrence);
        firstDay = trimmed(firstDay);
        time = trimmed(time);
        zone = trimmed(zone);
        calendar = calendar == null || calendar.isBlank() ? null : calendar.trim();
        nonWorkingDay = nonWorkingDay == null || nonWorkingDay.isBlank()
                ? NonWorkingDay.NEXT_WORKING_DAY.code()
                : nonWorkingDay.trim();
    }

    private static String trimmed(@Nullable String text) {
        return text == null ? "" : text.trim();
    }
}
