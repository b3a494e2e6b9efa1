package io.cairn.isms.schedules;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why an occurrence of a schedule started no run, kept as the reason's message code and its variable parts (and those
 * of each field at fault), so that every reader reads it in their language: the English text is kept beside it.
 *
 * @param code the reason's message code, as {@link Refusal#code()}
 * @param template its English text with placeholders
 * @param arguments its variable parts
 * @param problems the fields at fault (a form value no longer valid), each with its own reason
 */
public record OccurrenceReason(String code, String template, List<Object> arguments, List<Problem> problems) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A field at fault, as {@link Refusal.FieldProblem} without its formatted text. */
    public record Problem(String field, String code, String template, List<Object> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }
    }

    public OccurrenceReason {
        arguments = List.copyOf(arguments);
        problems = List.copyOf(problems);
    }

    /** The reason a run was refused. */
    static OccurrenceReason of(Refusal refusal) {
        return new OccurrenceReason(
                refusal.code(),
                refusal.template(),
                refusal.arguments(),
                refusal.fields().stream()
                        .map(field -> new Problem(field.field(), field.code(), field.template(), field.arguments()))
                        .toList());
    }

    /** A reason of the scanner's own. */
    static OccurrenceReason of(Refusal.Reason reason, Object... arguments) {
        return new OccurrenceReason(reason.code(), reason.template(), List.of(arguments), List.of());
    }

    /** The reason as it is stored, or none when there is no stored reason or it cannot be read. */
    public static Optional<OccurrenceReason> parse(@Nullable String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(stored, OccurrenceReason.class));
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
    }

    /** The reason as it is stored. */
    String stored() {
        return JSON.writeValueAsString(this);
    }

    /** The reason in English, as the API and the server's log name it. */
    String english() {
        return refusal().message();
    }

    /** The reason in the reader's language; each field at fault named before its problem. */
    public String text(MessageSource messages, Locale locale) {
        Map<String, String> byField = RefusalErrors.byField(refusal(), messages, locale, field -> field);
        return byField.entrySet().stream()
                .map(entry ->
                        entry.getKey().equals("form") ? entry.getValue() : entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining("; "));
    }

    private Refusal refusal() {
        List<Refusal.FieldProblem> fields = problems.stream()
                .map(problem -> Refusal.FieldProblem.of(
                        problem.field(),
                        reason(problem.code(), problem.template()),
                        problem.arguments().toArray()))
                .toList();
        return Refusal.of(Refusal.Kind.CONFLICT, fields, reason(code, template), arguments.toArray());
    }

    private static Refusal.Reason reason(String code, String template) {
        return new Refusal.Reason() {
            @Override
            public String code() {
                return code;
            }

            @Override
            public String template() {
                return template;
            }
        };
    }
}
