package io.cairn.handling.sla;

import java.util.List;
import java.util.Map;

/**
 * A stored business-hour calendar.
 *
 * @param week working hours per weekday, each as {@code HH:mm-HH:mm}; days not worked are absent
 * @param holidays dates on which nobody works, {@code yyyy-MM-dd}, in order
 */
@org.springframework.modulith.NamedInterface("calendars")
public record SlaCalendarView(
        SlaCalendarId id,
        String name,
        String zone,
        Map<String, List<String>> week,
        List<String> holidays,
        long version) {}
