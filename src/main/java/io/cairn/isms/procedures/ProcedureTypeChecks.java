package io.cairn.isms.procedures;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.identity.TeamView;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The checks of a procedure type an admin wrote (or Cairn ships): its key, name and description, its form, phases and
 * steps, and when a run is due. Every problem is named by its field, such as {@code steps[2].team} or
 * {@code form[1].options}, and the step by its title; team names resolve to team ids. Nothing is stored unless every
 * check passes.
 */
@Component
class ProcedureTypeChecks {

    /** Keys of procedure types, phases and form fields: lower case, digits and dashes. */
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    static final int MAX_FIELDS = 30;
    static final int MAX_PHASES = 12;
    static final int MAX_STEPS = 100;
    static final Duration LONGEST_DUE = Duration.ofDays(365);

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");

    private final IdentityManagement identity;

    ProcedureTypeChecks(IdentityManagement identity) {
        this.identity = identity;
    }

    /** Checks a definition and answers it with its step teams resolved to ids, or every problem found. */
    Outcome<ProcedureDefinition> validate(ProcedureDefinition definition) {
        return check(definition, teamsByNameAndId());
    }

    /**
     * Checks a definition against the teams there are, by lower-case name and by id, and answers it with its step
     * teams resolved to ids, or every problem found.
     */
    static Outcome<ProcedureDefinition> check(ProcedureDefinition definition, Map<String, TeamId> teams) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        checkHead(definition, problems);
        checkForm(definition.form(), problems);
        checkPhases(definition, problems);
        checkDue(definition, definition.due(), definition.dueFrom(), "", problems);
        List<ProcedureStep> resolved = new ArrayList<>();
        for (int i = 0; i < definition.steps().size(); i++) {
            resolved.add(new StepCheck(definition, i, problems).check(teams));
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(definition.withSteps(resolved));
    }

    private static void checkHead(ProcedureDefinition definition, List<Refusal.FieldProblem> problems) {
        if (!KEY.matcher(definition.key()).matches()) {
            problems.add(Refusal.FieldProblem.of("key", ProcedureTypeRefusals.NOT_A_KEY));
        }
        length("name", definition.name(), 200, true, problems);
        length("description", definition.description(), 5000, false, problems);
        if (definition.steps().isEmpty()) {
            problems.add(Refusal.FieldProblem.of("steps", ProcedureTypeRefusals.NO_STEPS));
        } else if (definition.steps().size() > MAX_STEPS) {
            problems.add(Refusal.FieldProblem.of("steps", ProcedureTypeRefusals.TOO_MANY, MAX_STEPS));
        }
    }

    private static void checkForm(List<FormField> form, List<Refusal.FieldProblem> problems) {
        if (form.size() > MAX_FIELDS) {
            problems.add(Refusal.FieldProblem.of("form", ProcedureTypeRefusals.TOO_MANY, MAX_FIELDS));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < form.size(); i++) {
            FormField field = form.get(i);
            String name = "form[" + i + "]";
            key(name + ".key", field.key(), keys, problems);
            length(name + ".label", field.label(), 200, true, problems);
            length(name + ".help", field.help(), 500, false, problems);
            if (field.kind() == FormField.Kind.CHOICE && field.options().isEmpty()) {
                problems.add(Refusal.FieldProblem.of(name + ".options", ProcedureTypeRefusals.CHOICE_WITHOUT_OPTIONS));
            } else if (field.kind() != FormField.Kind.CHOICE && !field.options().isEmpty()) {
                problems.add(Refusal.FieldProblem.of(name + ".options", ProcedureTypeRefusals.OPTIONS_ONLY_FOR_CHOICE));
            } else if (field.options().size() > MAX_FIELDS) {
                problems.add(Refusal.FieldProblem.of(name + ".options", ProcedureTypeRefusals.TOO_MANY, MAX_FIELDS));
            }
        }
    }

    private static void checkPhases(ProcedureDefinition definition, List<Refusal.FieldProblem> problems) {
        List<ProcedureDefinition.Phase> phases = definition.phases();
        if (phases.isEmpty()) {
            problems.add(Refusal.FieldProblem.of("phases", ProcedureTypeRefusals.NO_PHASES));
        } else if (phases.size() > MAX_PHASES) {
            problems.add(Refusal.FieldProblem.of("phases", ProcedureTypeRefusals.TOO_MANY, MAX_PHASES));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < phases.size(); i++) {
            ProcedureDefinition.Phase phase = phases.get(i);
            key("phases[" + i + "].key", phase.key(), keys, problems);
            length("phases[" + i + "].name", phase.name(), 100, true, problems);
            if (!phase.key().isEmpty()
                    && definition.steps().stream()
                            .noneMatch(step -> step.phase().equals(phase.key()))) {
                problems.add(Refusal.FieldProblem.of(
                        "phases[" + i + "]", ProcedureTypeRefusals.PHASE_WITHOUT_STEPS, phase.name()));
            }
        }
    }

    /** Checks a due offset and the date field it counts from; {@code prefix} names a step's fields. */
    static void checkDue(
            ProcedureDefinition definition,
            String due,
            @org.jspecify.annotations.Nullable String dueFrom,
            String prefix,
            List<Refusal.FieldProblem> problems) {
        Optional<Duration> offset = ProcedureDefinition.Durations.parse(due);
        if (offset.isEmpty()) {
            problems.add(Refusal.FieldProblem.of(prefix + "due", ProcedureTypeRefusals.NOT_A_DURATION, due));
        } else if (offset.get().isNegative() || offset.get().compareTo(LONGEST_DUE) > 0) {
            problems.add(Refusal.FieldProblem.of(prefix + "due", ProcedureTypeRefusals.DUE_OUT_OF_RANGE));
        }
        if (dueFrom != null
                && definition
                        .field(dueFrom)
                        .filter(f -> f.kind() == FormField.Kind.DATE)
                        .isEmpty()) {
            problems.add(Refusal.FieldProblem.of(prefix + "dueFrom", ProcedureTypeRefusals.NOT_A_DATE_FIELD, dueFrom));
        }
    }

    private static void key(String field, String key, Set<String> seen, List<Refusal.FieldProblem> problems) {
        if (!KEY.matcher(key).matches()) {
            problems.add(Refusal.FieldProblem.of(field, ProcedureTypeRefusals.NOT_A_KEY));
        } else if (!seen.add(key)) {
            problems.add(Refusal.FieldProblem.of(field, ProcedureTypeRefusals.KEY_TWICE, key));
        }
    }

    static void length(
            String field,
            @org.jspecify.annotations.Nullable String text,
            int max,
            boolean required,
            List<Refusal.FieldProblem> problems) {
        int length = text == null ? 0 : text.length();
        if (length > max || required && length == 0) {
            problems.add(Refusal.FieldProblem.of(field, ProcedureTypeRefusals.TEXT_LENGTH, max));
        }
    }

    static boolean isArticle(String article) {
        return SLUG.matcher(article).matches()
                || (article.startsWith("https://") || article.startsWith("http://"))
                        && article.length() <= 500
                        && !article.contains(" ");
    }

    private Map<String, TeamId> teamsByNameAndId() {
        Map<String, TeamId> teams = new LinkedHashMap<>();
        for (TeamView team : identity.teams()) {
            teams.put(team.name().toLowerCase(Locale.ROOT), team.id());
            teams.put(team.id().toString(), team.id());
        }
        return teams;
    }
}
