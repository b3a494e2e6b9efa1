package io.cairn.isms.procedures;

import io.cairn.identity.TeamId;
import io.cairn.shared.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The check of step {@code index} of a procedure type: its phase, texts, team, approver, due time, articles, the form
 * fields its team may read and the Annex A controls it evidences. Problems are named {@code steps[i].field} and
 * name the step by its title.
 */
final class StepCheck {

    private final ProcedureDefinition definition;
    private final ProcedureStep step;
    private final String field;
    private final String named;
    private final List<Refusal.FieldProblem> problems;

    StepCheck(ProcedureDefinition definition, int index, List<Refusal.FieldProblem> problems) {
        this.definition = definition;
        this.step = definition.steps().get(index);
        this.field = "steps[" + index + "].";
        this.named = step.title().isEmpty() ? String.valueOf(index + 1) : "'" + step.title() + "'";
        this.problems = problems;
    }

    /** Checks the step and answers it with its team resolved to an id where the team exists. */
    ProcedureStep check(Map<String, TeamId> teams) {
        if (definition.phases().stream().noneMatch(phase -> phase.key().equals(step.phase()))) {
            problem("phase", ProcedureTypeRefusals.STEP_PHASE, named, step.phase());
        }
        ProcedureTypeChecks.length(field + "title", step.title(), 200, true, problems);
        ProcedureTypeChecks.length(field + "description", step.description(), 5000, false, problems);
        ProcedureTypeChecks.checkDue(definition, step.due(), step.dueFrom(), field, problems);
        checkApprover();
        checkLists();
        TeamId team = null;
        if (step.team() != null) {
            team = teams.get(step.team().toLowerCase(Locale.ROOT));
            if (team == null) {
                problem("team", ProcedureTypeRefusals.STEP_TEAM_DOES_NOT_EXIST, named, step.team());
            }
        }
        List<String> controls = step.controls().stream()
                .map(control -> AnnexAControls.find(control)
                        .map(AnnexAControls.Control::number)
                        .orElse(control))
                .toList();
        return step.resolved(team == null ? step.team() : team.toString(), controls);
    }

    private void checkApprover() {
        String approver = step.approver();
        if (approver == null) {
            return;
        }
        if (step.kind() != ProcedureStep.Kind.APPROVAL) {
            problem("approver", ProcedureTypeRefusals.APPROVER_ONLY_FOR_APPROVAL, named);
        } else if (definition
                .field(approver)
                .filter(f -> f.kind() == FormField.Kind.USER)
                .isEmpty()) {
            problem("approver", ProcedureTypeRefusals.APPROVER_NOT_A_PERSON, named, approver);
        }
    }

    private void checkLists() {
        for (String article : step.articles()) {
            if (!ProcedureTypeChecks.isArticle(article)) {
                problem("articles", ProcedureTypeRefusals.STEP_NOT_AN_ARTICLE, named, article);
            }
        }
        for (String key : step.fields()) {
            if (definition.field(key).isEmpty()) {
                problem("fields", ProcedureTypeRefusals.STEP_NOT_A_FIELD, named, key);
            }
        }
        for (String control : step.controls()) {
            if (AnnexAControls.find(control).isEmpty()) {
                problem("controls", ProcedureTypeRefusals.STEP_NOT_A_CONTROL, named, control);
            }
        }
    }

    private void problem(String name, ProcedureTypeRefusals reason, Object... arguments) {
        problems.add(Refusal.FieldProblem.of(field + name, reason, arguments));
    }
}
