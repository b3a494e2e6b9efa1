package io.cairn.isms.schedules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A recurrence rule in the reader's words where it is one of the presets; the rule itself where it is not. */
@Component
class RecurrenceWords {

    private final MessageSource messages;

    RecurrenceWords(MessageSource messages) {
        this.messages = messages;
    }

    String of(String rule, LocalDate firstDay) {
        Locale locale = LocaleContextHolder.getLocale();
        SchedulePreset.Recognised recognised = SchedulePreset.recognise(rule);
        String weekday = recognised.weekday().getDisplayName(TextStyle.FULL, locale);
        Object[] arguments = switch (recognised.preset()) {
            case WEEKLY, FIRST_WEEKDAY_OF_MONTH -> new Object[] {weekday};
            case MONTHLY_ON_DAY -> new Object[] {String.valueOf(recognised.dayOfMonth())};
            case YEARLY -> new Object[] {firstDay.format(DateTimeFormatter.ofPattern("d MMMM", locale))};
            case QUARTERLY -> new Object[0];
            case CUSTOM -> new Object[] {RecurrenceRules.normalised(rule)};
        };
        String words = messages.getMessage(
                "schedules.words." + recognised.preset().code(), arguments, RecurrenceRules.normalised(rule), locale);
        return words == null ? RecurrenceRules.normalised(rule) : words;
    }

    /** The weekday of a date in the reader's language. */
    String weekday(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale());
    }
}
