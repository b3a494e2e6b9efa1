package io.cairn.handling.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** The shipped business-hour calendar is named in English and Dutch, until someone renames it. */
class ShippedCalendarTest {

    @Test
    void namesTheShippedCalendarInTheReadersLanguageUntilSomeoneRenamesIt() {
        assertThat(ShippedCalendar.calendarName(ShippedCalendar.OFFICE_HOURS, "Office hours"))
                .isEqualTo("Office hours");
        assertThat(inDutch(() -> ShippedCalendar.calendarName(ShippedCalendar.OFFICE_HOURS, "Office hours")))
                .isEqualTo("Kantooruren");
        assertThat(inDutch(() -> ShippedCalendar.calendarName(ShippedCalendar.OFFICE_HOURS, "Support hours")))
                .isEqualTo("Support hours");
        assertThat(inDutch(() -> ShippedCalendar.calendarName(new SlaCalendarId(UUID.randomUUID()), "Office hours")))
                .isEqualTo("Office hours");
    }

    private static <T> T inDutch(Supplier<T> read) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));
        try {
            return read.get();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
