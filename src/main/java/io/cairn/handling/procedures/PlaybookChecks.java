package io.cairn.handling.procedures;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.identity.TeamView;
import io.cairn.incidents.IncidentManagement;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The checks of a playbook an admin wrote (or Cairn ships): its key, name, description, RSIT categories, template
 * and steps, and that no other active playbook covers the same category and template. Each problem names the field,
 * such as {@code steps[2].team}, and the step; team names resolve to team ids.
 */
@Component
class PlaybookChecks {

    /** Keys of playbooks and report templates: lower case, digits and dashes. */
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    /** The longest due offset a step may have. */
    static final Duration LONGEST_DUE = Duration.ofDays(365);

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,119}");

    private final Playbooks playbooks;
    private final IncidentManagement incidents;
    private final IdentityManagement identity;

    PlaybookChecks(Playbooks playbooks, IncidentManagement incidents, IdentityManagement identity) {
        this.playbooks = playbooks;
        this.incidents = incidents;
        this.identity = identity;
    }

    /**
     * Checks a definition and resolves team names to ids.
     *
     * @param self the playbook being revised, which may overlap itself
     * @param active whether the playbook will start on incidents, so must not overlap another active one
     */
    Outcome<PlaybookDefinition> validate(PlaybookDefinition definition, @Nullable PlaybookId self, boolean active) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        checkHead(definition, problems);
        Map<String, TeamId> teams = teamsByNameAndId();
        List<PlaybookStep> resolved = new ArrayList<>();
        for (int i = 0; i < definition.steps().size(); i++) {
            resolved.add(checkStep(definition.steps().get(i), i, teams, problems));
        }
        if (problems.isEmpty() && active) {
            overlap(definition, self).map(Refusal::fields).ifPresent(problems::addAll);
        }
        if (!problems.isEmpty()) {
            return Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        }
        return Outcome.done(definition.withSteps(resolved));
    }

    private void checkHead(PlaybookDefinition definition, List<Refusal.FieldProblem> problems) {
        if (!KEY.matcher(definition.key()).matches()) {
            problems.add(Refusal.FieldProblem.of("key", ProcedureRefusals.NOT_A_KEY));
        }
        if (definition.name().isEmpty() || definition.name().length() > 200) {
            problems.add(Refusal.FieldProblem.of("name", ProcedureRefusals.TEXT_LENGTH));
        }
        if (Objects.requireNonNullElse(definition.description(), "").length() > 5000) {
            problems.add(Refusal.FieldProblem.of("description", SharedRefusals.TOO_LONG, "5000"));
        }
        if (definition.categories().isEmpty()) {
            problems.add(Refusal.FieldProblem.of("categories", ProcedureRefusals.NO_CATEGORY));
        }
        for (int i = 0; i < definition.categories().size(); i++) {
            CategoryMatch category = definition.categories().get(i);
            if (!knownCategory(category)) {
                problems.add(Refusal.FieldProblem.of(
                        "categories[" + i + "]", ProcedureRefusals.NOT_A_CATEGORY, category.toString()));
            }
        }
        if (definition.template() != null && !KEY.matcher(definition.template()).matches()) {
            problems.add(
                    Refusal.FieldProblem.of("template", ProcedureRefusals.NOT_A_TEMPLATE_KEY, definition.template()));
        }
        if (definition.steps().isEmpty()) {
            problems.add(Refusal.FieldProblem.of("steps", ProcedureRefusals.NO_STEPS));
        }
    }

    /** Checks step {@code i} and answers it with its team resolved to an id where the team exists. */
    private static PlaybookStep checkStep(
            PlaybookStep step, int i, Map<String, TeamId> teams, List<Refusal.FieldProblem> problems) {
        String field = "steps[" + i + "]";
        String named = step.title().isEmpty() ? String.valueOf(i + 1) : "'" + step.title() + "'";
        checkTexts(step, field, named, problems);
        checkDue(step, field, named, problems);
        TeamId team = null;
        if (step.team() != null) {
            team = teams.get(step.team().toLowerCase(Locale.ROOT));
            if (team == null) {
                problems.add(Refusal.FieldProblem.of(
                        field + ".team", ProcedureRefusals.STEP_TEAM_DOES_NOT_EXIST, named, step.team()));
            }
        }
        return step.withTeam(team == null ? step.team() : team.toString());
    }

    private static void checkTexts(PlaybookStep step, String field, String named, List<Refusal.FieldProblem> problems) {
        if (step.phase() == null || !PlaybookStep.PHASES.contains(step.phase())) {
            problems.add(Refusal.FieldProblem.of(field + ".phase", ProcedureRefusals.STEP_PHASE, named));
        }
        if (step.title().isEmpty() || step.title().length() > 200) {
            problems.add(Refusal.FieldProblem.of(field + ".title", ProcedureRefusals.STEP_TITLE_LENGTH, named));
        }
        if (step.description() != null && step.description().length() > 5000) {
            problems.add(Refusal.FieldProblem.of(
                    field + ".description", ProcedureRefusals.STEP_DESCRIPTION_TOO_LONG, named));
        }
        for (String article : Objects.requireNonNullElse(step.articles(), List.<String>of())) {
            if (!SLUG.matcher(article).matches()
                    && !(PlaybookStep.isAddress(article) && article.length() <= 500 && !article.contains(" "))) {
                problems.add(Refusal.FieldProblem.of(
                        field + ".articles", ProcedureRefusals.STEP_NOT_AN_ARTICLE, named, article));
            }
        }
    }

    private static void checkDue(PlaybookStep step, String field, String named, List<Refusal.FieldProblem> problems) {
        Optional<Duration> due = step.dueOffset();
        if (due.isEmpty()) {
            problems.add(Refusal.FieldProblem.of(
                    field + ".due", ProcedureRefusals.STEP_DUE_NOT_A_DURATION, named, String.valueOf(step.due())));
        } else if (due.get().isNegative()) {
            problems.add(Refusal.FieldProblem.of(
                    field + ".due", ProcedureRefusals.STEP_DUE_NEGATIVE, named, String.valueOf(step.due())));
        } else if (due.get().compareTo(LONGEST_DUE) > 0) {
            problems.add(Refusal.FieldProblem.of(field + ".due", ProcedureRefusals.STEP_DUE_TOO_LONG, named));
        }
    }

    /** Another active playbook for the same category and template, which would make the choice ambiguous. */
    Optional<Refusal> overlap(PlaybookDefinition definition, @Nullable PlaybookId self) {
        for (Playbook other : playbooks.all()) {
            if (other.retired()
                    || other.id().equals(self)
                    || !Objects.equals(other.definition().template(), definition.template())) {
                continue;
            }
            for (CategoryMatch mine : definition.categories()) {
                if (other.definition().categories().contains(mine)) {
                    return Optional.of(Refusal.conflict(
                            "categories",
                            ProcedureRefusals.CATEGORY_HAS_PLAYBOOK,
                            mine.toString(),
                            other.definition().name()));
                }
            }
        }
        return Optional.empty();
    }

    private boolean knownCategory(CategoryMatch match) {
        return incidents.categories().stream()
                .anyMatch(choice -> choice.category().rsitClass().equals(match.rsitClass())
                        && (match.rsitType() == null
                                || choice.category().rsitType().equals(match.rsitType())));
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
