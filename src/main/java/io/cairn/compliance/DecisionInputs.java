package io.cairn.compliance;

import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checked inputs of a decision record by name: what {@link #read} made of a request's {@code inputs}, each value of
 * the type its {@link DecisionInput} says. A value that is absent reads as no, unknown, none or empty.
 */
public final class DecisionInputs {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_TEXT = 2_000;
    /** The largest amount an input holds. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1e15");

    private final Map<String, Object> values;

    private DecisionInputs(Map<String, Object> values) {
        this.values = values;
    }

    /** Inputs of these values, already checked (a test's or a stored record's). */
    static DecisionInputs of(Map<String, Object> values) {
        return new DecisionInputs(new LinkedHashMap<>(values));
    }

    /** The inputs the raw map gives by the specification; a problem per value at fault, named {@code inputs.<name>}. */
    static DecisionInputs read(
            List<DecisionInput> specification, @Nullable Map<String, ?> raw, List<Refusal.FieldProblem> problems) {
        Map<String, ?> given = raw == null ? Map.of() : raw;
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> known = new LinkedHashSet<>();
        for (DecisionInput input : specification) {
            known.add(input.name());
            Object value = given.get(input.name());
            if (value != null) {
                Object checked = checked(input, value, "inputs." + input.name(), problems);
                if (checked != null) {
                    values.put(input.name(), checked);
                }
            }
        }
        given.keySet().stream()
                .filter(name -> !known.contains(name))
                .findFirst()
                .ifPresent(name -> problems.add(Refusal.FieldProblem.of(
                        "inputs", ComplianceRefusals.UNKNOWN_INPUT, abbreviated(name), String.join(", ", known))));
        return new DecisionInputs(values);
    }

    private static @Nullable Object checked(
            DecisionInput input, Object value, String field, List<Refusal.FieldProblem> problems) {
        Object checked = switch (input.type()) {
            case FLAG -> value instanceof Boolean flag ? flag : null;
            case COUNT -> count(value);
            case AMOUNT -> amount(value, field, problems);
            case CHOICE -> value instanceof String text && input.choices().contains(text) ? text : null;
            case CHOICES -> strings(value, input.choices()::contains);
            case TEXT -> text(value);
            case COUNTRIES -> strings(value, COUNTRIES::contains);
        };
        if (checked == null && problems.stream().noneMatch(p -> p.field().startsWith(field))) {
            problems.add(Refusal.FieldProblem.of(field, ComplianceRefusals.BAD_INPUT, expected(input)));
        }
        return checked;
    }

    private static String expected(DecisionInput input) {
        return switch (input.type()) {
            case FLAG -> "true or false";
            case COUNT -> "a whole number of 0 or more";
            case AMOUNT -> "{value, estimate, basis} with a value of 0 or more";
            case CHOICE, CHOICES -> String.join(", ", input.choices());
            case TEXT -> "text of at most " + MAX_TEXT + " characters without control characters";
            case COUNTRIES -> "ISO 3166 country codes such as NL";
        };
    }

    private static @Nullable Long count(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            BigInteger number = new BigInteger(value.toString());
            return number.signum() >= 0 && number.bitLength() < 63 ? number.longValue() : null;
        }
        return null;
    }

    private static @Nullable Amount amount(Object value, String field, List<Refusal.FieldProblem> problems) {
        if (!(value instanceof Map<?, ?> map)
                || !Set.of("value", "estimate", "basis").containsAll(map.keySet())) {
            return null;
        }
        Object number = map.get("value");
        BigDecimal amount = number instanceof Number && !(number instanceof Double d && !Double.isFinite(d))
                ? new BigDecimal(number.toString())
                : null;
        Object estimate = map.get("estimate");
        Object basis = map.get("basis") == null ? "" : text(map.get("basis"));
        if (amount == null || amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            return null;
        }
        if (estimate != null && !(estimate instanceof Boolean) || basis == null) {
            return null;
        }
        boolean estimated = Boolean.TRUE.equals(estimate);
        if (estimated && basis.toString().isBlank()) {
            problems.add(Refusal.FieldProblem.of(field + ".basis", ComplianceRefusals.ESTIMATE_WITHOUT_BASIS));
            return null;
        }
        return new Amount(amount, estimated, basis.toString());
    }

    private static @Nullable List<String> strings(Object value, java.util.function.Predicate<String> allowed) {
        if (!(value instanceof List<?> list) || list.size() > 50) {
            return null;
        }
        Set<String> strings = new LinkedHashSet<>();
        for (Object item : list) {
            if (!(item instanceof String text) || !allowed.test(text)) {
                return null;
            }
            strings.add(text);
        }
        return List.copyOf(strings);
    }

    private static @Nullable String text(@Nullable Object value) {
        if (!(value instanceof String text) || text.length() > MAX_TEXT) {
            return null;
        }
        boolean control = text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
        return control ? null : text.strip();
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** These inputs with the value of one more, such as a total a rule derived from its lines. */
    DecisionInputs with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new DecisionInputs(more);
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    Optional<Long> count(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    Optional<Amount> amount(String name) {
        return Optional.ofNullable((Amount) values.get(name));
    }

    Optional<String> choice(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    @SuppressWarnings("unchecked")
    List<String> choices(String name) {
        return (List<String>) values.getOrDefault(name, List.of());
    }

    String text(String name) {
        return (String) values.getOrDefault(name, "");
    }

    /** The values as JSON takes them: amounts as {@code {value, estimate, basis}}. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        values.forEach((name, value) -> map.put(
                name,
                value instanceof Amount amount
                        ? Map.of("value", amount.value(), "estimate", amount.estimate(), "basis", amount.basis())
                        : value));
        return map;
    }

    /** The values that {@link #asMap} gave, read back as a stored record's inputs. */
    static DecisionInputs stored(List<DecisionInput> specification, Map<String, ?> map) {
        List<Refusal.FieldProblem> ignored = new ArrayList<>();
        return read(specification, map, ignored);
    }

    /** The default message of a problem whose field is required, for rules that need an input. */
    static Refusal.FieldProblem required(String name) {
        return Refusal.FieldProblem.of("inputs." + name, SharedRefusals.REQUIRED);
    }
}
