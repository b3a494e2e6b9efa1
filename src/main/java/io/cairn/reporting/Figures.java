package io.cairn.reporting;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A metric's figure as people read it on a page or in the PDF, in their language: a duration in days, hours and
 * minutes, a share in percent, an instant in UTC, a yes or no, a value of a closed list by its name; the table's
 * numbers are the API's, only written for reading.
 */
final class Figures {

    static final Set<String> DURATIONS = Set.of("mean", "median", "p90", "max", "ttdMedian", "ttdP90", "medianLead");
    static final Set<String> NAMED = Set.of("measure", "source", "outcome", "clock", "what", "category");
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> names;

    Figures(MessageSource messages, Locale locale) {
        this(messages, locale, Map.of());
    }

    private Figures(MessageSource messages, Locale locale, Map<String, String> names) {
        this.messages = messages;
        this.locale = locale;
        this.names = Map.copyOf(names);
    }

    /** These figures, naming the codes of the map (a regime's and its stages' names) as it says. */
    Figures naming(Map<String, String> more) {
        return more.isEmpty() ? this : new Figures(messages, locale, more);
    }

    /** What a code is called in the reader's language, or the code itself when nothing names it. */
    String name(String code) {
        return names.getOrDefault(code, code);
    }

    String text(String column, @Nullable Object value) {
        if (value == null) {
            return column.equals("label") || column.equals("team") || column.equals("businessUnit")
                    ? message("dashboard.none")
                    : "—";
        }
        if (column.equals("period") && Periods.WHOLE.equals(value)) {
            return message("dashboard.period.all");
        }
        if (value instanceof Boolean yes) {
            return message(yes ? "dashboard.yes" : "dashboard.no");
        }
        if (DURATIONS.contains(column) && value instanceof Number seconds) {
            return duration(seconds.doubleValue());
        }
        if ((column.endsWith("Share") || column.equals("share")) && value instanceof Number share) {
            return decimal(share.doubleValue()) + " %";
        }
        if (value instanceof String text && isInstant(column)) {
            return INSTANT.format(Instant.parse(text)) + " UTC";
        }
        if (NAMED.contains(column) && value instanceof String name) {
            return java.util.Objects.requireNonNullElse(
                    messages.getMessage("metric.value." + name, null, name, locale), name);
        }
        return value instanceof Number number
                ? NumberFormat.getIntegerInstance(locale).format(number)
                : value.toString();
    }

    private static boolean isInstant(String column) {
        return column.endsWith("At") || column.equals("due");
    }

    /** A duration: under a minute in seconds, under an hour in minutes, under a day in hours and minutes, else days and hours. */
    String duration(double seconds) {
        String sign = seconds < 0 ? "−" : "";
        long whole = Math.round(Math.abs(seconds));
        if (whole < 60) {
            return sign + message("dashboard.duration.seconds", whole);
        }
        if (whole < 3_600) {
            return sign + message("dashboard.duration.minutes", whole / 60);
        }
        if (whole < 86_400) {
            return sign + message("dashboard.duration.hours", whole / 3_600, whole % 3_600 / 60);
        }
        return sign + message("dashboard.duration.days", whole / 86_400, whole % 86_400 / 3_600);
    }

    String decimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }
}
