package io.cairn.compliance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A calendar of deadlines as iCalendar text (RFC 5545): one VEVENT per stage deadline with a UID that stays the same
 * from one download to the next, and a VALARM at the stage's first warning. Text values are escaped (backslash,
 * semicolon, comma, line breaks), content lines end in CRLF and are folded at 75 octets without splitting a UTF-8
 * character.
 */
final class ICalendar {

    /**
     * One deadline.
     *
     * @param uid stays the same for the same stage, so that a calendar app updates the event rather than add another
     * @param alarmAt when to remind; none for no reminder
     */
    record Event(
            String uid,
            Instant dueAt,
            String summary,
            String description,
            @Nullable Instant alarmAt) {}

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private ICalendar() {}

    /** The calendar of the events, stamped with the instant it was made. */
    static String of(String name, List<Event> events, Instant stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Cairn//Regulatory deadlines//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (Event event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(event.uid()));
            line(out, "DTSTAMP:" + UTC.format(stamp));
            line(out, "DTSTART:" + UTC.format(event.dueAt()));
            line(out, "DTEND:" + UTC.format(event.dueAt()));
            line(out, "SUMMARY:" + text(event.summary()));
            line(out, "DESCRIPTION:" + text(event.description()));
            line(out, "TRANSP:TRANSPARENT");
            if (event.alarmAt() != null) {
                line(out, "BEGIN:VALARM");
                line(out, "ACTION:DISPLAY");
                line(out, "DESCRIPTION:" + text(event.summary()));
                line(out, "TRIGGER;VALUE=DATE-TIME:" + UTC.format(event.alarmAt()));
                line(out, "END:VALARM");
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value escaped: backslash, semicolon and comma with a backslash, a line break as {@code \n}. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {}
                default -> out.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** The content line folded: at most 75 octets a line, each continuation led by a space, CRLF after each. */
    static String fold(String line) {
        StringBuilder out = new StringBuilder();
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length(); ) {
            int point = line.codePointAt(i);
            int size = Character.toString(point).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_OCTETS - 1;
            }
            out.appendCodePoint(point);
            octets += size;
            i += Character.charCount(point);
        }
        return out.append("\r\n").toString();
    }

    private static void line(StringBuilder out, String line) {
        out.append(fold(line));
    }
}
