package io.cairn.isms.runs;

import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.isms.procedures.FormField;
import io.cairn.isms.procedures.ProcedureDefinition;
import io.cairn.isms.procedures.ProcedureStep;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Checks the values of a start form against the form of a procedure type, every problem named by its field: unknown
 * fields, required ones left empty, texts too long, dates that are not dates, people who are not enabled users, choices
 * outside the options, an owner who is not an enabled user, and an approver who is the person asking.
 *
 * @param users the enabled user of a user name, if there is one
 */
record RunStartChecks(ProcedureDefinition definition, Function<String, Optional<UserView>> users) {

    static final int MAX_TEXT = 500;
    static final int MAX_LONG_TEXT = 5000;

    /** A start whose values passed: kept as normalised, with the owner and each approval's approver found. */
    record Checked(Map<String, String> values, UserId owner, Map<Integer, UserId> approvers) {}

    /**
     * Checks the start of a run that {@code requester} asks for (empty for a schedule) with {@code ownerName} as owner
     * (the requester when empty).
     */
    Outcome<Checked> check(Map<String, String> given, @Nullable String ownerName, @Nullable UserView requester) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        given.keySet().stream()
                .filter(key -> definition.field(key).isEmpty())
                .forEach(key -> problems.add(problem(key, RunRefusals.NOT_A_FORM_FIELD, definition.name())));
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, UserView> people = new HashMap<>();
        for (FormField field : definition.form()) {
            String value = given.getOrDefault(field.key(), "").trim();
            if (value.isEmpty()) {
                if (field.required()) {
                    problems.add(problem(field.key(), SharedRefusals.REQUIRED));
                }
                continue;
            }
            Optional<Refusal.FieldProblem> wrong = checkValue(field, value, people);
            wrong.ifPresentOrElse(problems::add, () -> values.put(field.key(), normalised(field, value, people)));
        }
        UserId owner = owner(ownerName, requester, problems);
        Map<Integer, UserId> approvers = approvers(people, requester, problems);
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(new Checked(values, java.util.Objects.requireNonNull(owner), approvers));
    }

    private Optional<Refusal.FieldProblem> checkValue(FormField field, String value, Map<String, UserView> people) {
        return switch (field.kind()) {
            case TEXT -> tooLong(field, value, MAX_TEXT);
            case LONG_TEXT -> tooLong(field, value, MAX_LONG_TEXT);
            case DATE ->
                isDate(value) ? Optional.empty() : Optional.of(problem(field.key(), RunRefusals.NOT_A_DATE, value));
            case CHOICE ->
                field.options().contains(value)
                        ? Optional.empty()
                        : Optional.of(problem(
                                field.key(), SharedRefusals.MUST_BE_ONE_OF, String.join(", ", field.options())));
            case USER -> {
                Optional<UserView> user = users.apply(value);
                user.ifPresent(found -> people.put(field.key(), found));
                yield user.isPresent()
                        ? Optional.empty()
                        : Optional.of(problem(field.key(), RunRefusals.NOT_AN_ENABLED_USER, value));
            }
        };
    }

    private static String normalised(FormField field, String value, Map<String, UserView> people) {
        return switch (field.kind()) {
            case USER ->
                java.util.Objects.requireNonNull(people.get(field.key())).username();
            case DATE -> LocalDate.parse(value).toString();
            default -> value;
        };
    }

    private @Nullable UserId owner(
            @Nullable String ownerName, @Nullable UserView requester, List<Refusal.FieldProblem> problems) {
        if (ownerName == null) {
            if (requester == null) {
                problems.add(Refusal.FieldProblem.of("owner", SharedRefusals.REQUIRED));
                return null;
            }
            return requester.id();
        }
        Optional<UserView> owner = users.apply(ownerName);
        if (owner.isEmpty()) {
            problems.add(Refusal.FieldProblem.of("owner", RunRefusals.NOT_AN_ENABLED_USER, ownerName));
            return null;
        }
        return owner.get().id();
    }

    /** The approver of each approval step that a person field names; the requester may not approve their own run. */
    private Map<Integer, UserId> approvers(
            Map<String, UserView> people, @Nullable UserView requester, List<Refusal.FieldProblem> problems) {
        Map<Integer, UserId> approvers = new HashMap<>();
        List<ProcedureStep> steps = definition.steps();
        for (int position = 0; position < steps.size(); position++) {
            ProcedureStep step = steps.get(position);
            String field = step.approver();
            UserView approver = field == null ? null : people.get(field);
            if (step.kind() != ProcedureStep.Kind.APPROVAL || field == null || approver == null) {
                continue;
            }
            if (requester != null && approver.id().equals(requester.id())) {
                problems.add(problem(field, RunRefusals.APPROVER_IS_REQUESTER, approver.username(), step.title()));
            } else {
                approvers.put(position, approver.id());
            }
        }
        return approvers;
    }

    private static Optional<Refusal.FieldProblem> tooLong(FormField field, String value, int limit) {
        return value.length() > limit
                ? Optional.of(problem(field.key(), SharedRefusals.TOO_LONG, String.valueOf(limit)))
                : Optional.empty();
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Refusal.FieldProblem problem(String key, Refusal.Reason reason, Object... arguments) {
        return Refusal.FieldProblem.of("values." + key, reason, arguments);
    }
}
