package io.cairn.handling.sla;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the durations admins type: ISO 8601 ({@code PT4H}) or short forms such as {@code 4h}, {@code 1h30m}. */
final class SlaDurations {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d{1,5})\\s*h)?\\s*(?:(\\d{1,6})\\s*m(?:in)?)?");

    /** The longest target or wait: about a year of working time. */
    static final Duration MAX = Duration.ofDays(366);

    private SlaDurations() {}

    static Outcome<Duration> parse(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return Outcome.refused(Refusal.invalid(field, SlaRefusals.DURATION_REQUIRED));
        }
        String trimmed = text.trim();
        Duration duration;
        try {
            duration = trimmed.toUpperCase(Locale.ROOT).startsWith("P") || trimmed.startsWith("-")
                    ? Duration.parse(trimmed)
                    : shortForm(trimmed);
        } catch (DateTimeParseException | ArithmeticException e) {
            return Outcome.refused(Refusal.invalid(field, SlaRefusals.NOT_A_DURATION, trimmed));
        }
        if (duration == null) {
            return Outcome.refused(Refusal.invalid(field, SlaRefusals.NOT_A_DURATION, trimmed));
        }
        if (duration.isNegative() || duration.isZero()) {
            return Outcome.refused(Refusal.invalid(field, SlaRefusals.NOT_POSITIVE));
        }
        if (duration.compareTo(MAX) > 0) {
            return Outcome.refused(Refusal.invalid(field, SlaRefusals.DURATION_TOO_LONG));
        }
        if (duration.getNano() != 0) {
            return Outcome.refused(Refusal.invalid(field, SlaRefusals.NOT_WHOLE_SECONDS));
        }
        return Outcome.done(duration);
    }

    private static @Nullable Duration shortForm(String text) {
        Matcher matcher = SHORT.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches() || matcher.group(1) == null && matcher.group(2) == null) {
            return null;
        }
        long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
        long minutes = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
        return Duration.ofHours(hours).plusMinutes(minutes);
    }

    /** A duration as admins read it: {@code 4h}, {@code 1h30m}, {@code 45m}. */
    static String text(Duration duration) {
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        return hours == 0 ? minutes + "m" : minutes == 0 ? hours + "h" : hours + "h" + minutes + "m";
    }
}
