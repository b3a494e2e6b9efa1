package io.cairn.isms.schedules;

import io.cairn.identity.UserView;
import io.cairn.isms.procedures.FormField;
import io.cairn.shared.Refusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The start form's values a schedule gives every run, checked against the form of its procedure type, each problem
 * under {@code values.<key>}: a key that is not a field, a required field without a value, a person who is not an
 * enabled user, a date that is not one, a choice that is not one of the options. The scanner checks them again before
 * each run, since users and forms change.
 */
final class FormValueChecks {

    private static final int MAX_LENGTH = 4_000;

    private final Function<String, Optional<UserView>> users;

    FormValueChecks(Function<String, Optional<UserView>> users) {
        this.users = users;
    }

    List<Refusal.FieldProblem> problems(ProcedureTypeLookup.Type type, Map<String, String> values) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        values.keySet().stream()
                .filter(key -> type.definition().form().stream()
                        .noneMatch(field -> field.key().equals(key)))
                .forEach(key ->
                        problems.add(Refusal.FieldProblem.of(field(key), ScheduleRefusals.NOT_A_FIELD, type.name())));
        for (FormField field : type.definition().form()) {
            String value = values.getOrDefault(field.key(), "");
            if (value.isEmpty()) {
                if (field.required()) {
                    problems.add(
                            Refusal.FieldProblem.of(field(field.key()), ScheduleRefusals.VALUE_REQUIRED, type.name()));
                }
                continue;
            }
            problem(field, value).ifPresent(problems::add);
        }
        return problems;
    }

    private Optional<Refusal.FieldProblem> problem(FormField field, String value) {
        String name = field(field.key());
        if (value.length() > MAX_LENGTH) {
            return Optional.of(Refusal.FieldProblem.of(name, ScheduleRefusals.VALUE_TOO_LONG));
        }
        return switch (field.kind()) {
            case USER ->
                users.apply(value).filter(UserView::enabled).isPresent()
                        ? Optional.empty()
                        : Optional.of(Refusal.FieldProblem.of(name, ScheduleRefusals.VALUE_NOT_A_USER, value));
            case DATE ->
                isDate(value)
                        ? Optional.empty()
                        : Optional.of(Refusal.FieldProblem.of(name, ScheduleRefusals.VALUE_NOT_A_DATE, value));
            case CHOICE ->
                field.options().contains(value)
                        ? Optional.empty()
                        : Optional.of(Refusal.FieldProblem.of(
                                name, ScheduleRefusals.VALUE_NOT_AN_OPTION, value, String.join(", ", field.options())));
            case TEXT, LONG_TEXT -> Optional.empty();
        };
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String field(String key) {
        return "values." + key;
    }
}
