package io.cairn.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Reads the incident page's forms of facts and decisions into what the API takes: each input of a decision from its
 * form fields ({@code in.<name>}, an amount from {@code in.<name>.value}, {@code .estimate} and {@code .basis}), and
 * times entered as UTC. A value that is no number is passed on as text, so that the check names its field.
 */
final class DecisionFormReading {

    private DecisionFormReading() {}

    /** The decision the form describes, for the version the user read. */
    static DecisionRequest request(DecisionKind kind, MultiValueMap<String, String> form) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (DecisionInput input : DecisionRule.of(kind).inputs()) {
            Object value = value(input, form);
            if (value != null) {
                inputs.put(input.name(), value);
            }
        }
        String version = text(form, "version");
        return new DecisionRequest(
                kind.computed() ? null : blankAsNull(text(form, "result")),
                text(form, "rationale"),
                blankAsNull(text(form, "overrideReason")),
                utc(text(form, "establishedAt")),
                inputs,
                version.matches("\\d{1,18}") ? Long.parseLong(version) : -1);
    }

    private static @Nullable Object value(DecisionInput input, MultiValueMap<String, String> form) {
        String field = "in." + input.name();
        String text = text(form, field).strip();
        return switch (input.type()) {
            case FLAG -> "true".equals(text) ? Boolean.TRUE : null;
            case COUNT -> text.isEmpty() ? null : text.matches("\\d{1,18}") ? (Object) Long.valueOf(text) : text;
            case AMOUNT -> amount(form, field);
            case CHOICE -> text.isEmpty() ? null : text;
            case CHOICES -> form.getOrDefault(field, List.of());
            case TEXT -> text;
            case COUNTRIES ->
                Arrays.stream(text.split("[,\\s]+"))
                        .filter(code -> !code.isBlank())
                        .map(code -> code.toUpperCase(Locale.ROOT))
                        .toList();
        };
    }

    private static @Nullable Object amount(MultiValueMap<String, String> form, String field) {
        String value = text(form, field + ".value").strip().replace(',', '.');
        if (value.isEmpty()) {
            return null;
        }
        Map<String, Object> amount = new LinkedHashMap<>();
        try {
            amount.put("value", new BigDecimal(value));
        } catch (NumberFormatException notANumber) {
            amount.put("value", value);
        }
        amount.put("estimate", "true".equals(text(form, field + ".estimate")));
        amount.put("basis", text(form, field + ".basis"));
        return amount;
    }

    /** A time the form gives as a local date and time in UTC; none when blank, the epoch's start when no time. */
    static @Nullable Instant utc(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notATime) {
            return Instant.EPOCH;
        }
    }

    static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null ? "" : value;
    }

    private static @Nullable String blankAsNull(String text) {
        return text.isBlank() ? null : text;
    }
}
