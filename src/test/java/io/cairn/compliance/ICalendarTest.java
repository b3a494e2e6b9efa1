package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendar of deadlines as RFC 5545 text: escaped values, lines folded at 75 octets, UTF-8 kept whole. */
class ICalendarTest {

    @Test
    void textValuesEscapeBackslashSemicolonCommaAndLineBreaks() {
        assertThat(ICalendar.text("a\\b;c,d\r\ne")).isEqualTo("a\\\\b\\;c\\,d\\ne");
    }

    @Test
    void longLinesFoldAt75OctetsWithoutSplittingAUtf8Character() {
        String line = "SUMMARY:" + "é".repeat(100);
        String folded = ICalendar.fold(line);
        assertThat(folded).endsWith("\r\n");
        for (String part : folded.split("\r\n")) {
            assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(folded.replace("\r\n ", "").replace("\r\n", "")).isEqualTo(line);
        assertThat(ICalendar.fold("DTSTART:20250310T100000Z")).isEqualTo("DTSTART:20250310T100000Z\r\n");
    }

    @Test
    void eachDeadlineIsAnEventWithItsUidAndAnAlarmAtTheFirstWarning() {
        String calendar = ICalendar.of(
                "Cairn",
                List.of(new ICalendar.Event(
                        "o-1-supervisory-authority@cairn",
                        Instant.parse("2025-03-10T10:00:00Z"),
                        "INC-7, GDPR: notification",
                        "Due to the Autoriteit Persoonsgegevens; open https://cairn.example/incidents/1",
                        Instant.parse("2025-03-08T22:00:00Z"))),
                Instant.parse("2025-03-07T10:00:00Z"));
        assertThat(calendar)
                .startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
                .contains("BEGIN:VEVENT\r\nUID:o-1-supervisory-authority@cairn\r\n")
                .contains("DTSTART:20250310T100000Z\r\n")
                .contains("SUMMARY:INC-7\\, GDPR: notification\r\n")
                .contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n")
                .contains("TRIGGER;VALUE=DATE-TIME:20250308T220000Z\r\n")
                .endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
        assertThat(calendar.split("\r\n")).allMatch(line -> line.getBytes(StandardCharsets.UTF_8).length <= 75);
    }
}
