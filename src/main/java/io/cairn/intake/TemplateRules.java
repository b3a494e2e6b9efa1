package io.cairn.intake;

import io.cairn.identity.IdentityManagement;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.PriorityMatrix;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a template must be beyond its fields' own limits: unique question keys, choices with options, file
 * questions optional, and defaults that exist (category, impact, urgency, team).
 */
@Component
class TemplateRules {

    private final IncidentManagement incidents;
    private final IdentityManagement identity;

    TemplateRules(IncidentManagement incidents, IdentityManagement identity) {
        this.incidents = incidents;
        this.identity = identity;
    }

    /** What is wrong with the template, by field; none when it may be stored. */
    List<Refusal.FieldProblem> problems(TemplateContent content) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < content.questions().size(); i++) {
            TemplateContent.Question question = content.questions().get(i);
            String at = "questions[" + i + "]";
            if (!keys.add(question.key())) {
                problems.add(Refusal.FieldProblem.of(at + ".key", IntakeRefusals.QUESTION_KEY_TWICE, question.key()));
            }
            problems.addAll(questionProblems(question, at));
        }
        problems.addAll(defaultsProblems(content.defaults()));
        return problems;
    }

    /** What is wrong with one question at the given place, other than its key. */
    private static List<Refusal.FieldProblem> questionProblems(TemplateContent.Question question, String at) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        if (question.kind() == QuestionKind.CHOICE) {
            if (question.options().size() < 2) {
                problems.add(Refusal.FieldProblem.of(at + ".options", IntakeRefusals.CHOICE_NEEDS_OPTIONS));
            }
            Set<String> values = new HashSet<>();
            question.options().stream()
                    .filter(option -> !values.add(option.value()))
                    .findFirst()
                    .ifPresent(option -> problems.add(Refusal.FieldProblem.of(
                            at + ".options", IntakeRefusals.OPTION_VALUE_TWICE, option.value())));
        } else if (!question.options().isEmpty()) {
            problems.add(Refusal.FieldProblem.of(at + ".options", IntakeRefusals.OPTIONS_ONLY_FOR_CHOICE));
        }
        if (question.kind() == QuestionKind.FILE && question.required()) {
            problems.add(Refusal.FieldProblem.of(at + ".required", IntakeRefusals.FILE_QUESTION_REQUIRED));
        }
        return problems;
    }

    /** The defaults that do not exist: category, impact, urgency, team. */
    private List<Refusal.FieldProblem> defaultsProblems(TemplateContent.Defaults defaults) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        PriorityMatrix matrix = incidents.priorityMatrix();
        if (defaults.category() != null
                && incidents.categories().stream()
                        .noneMatch(choice -> choice.category().equals(defaults.category()))) {
            problems.add(Refusal.FieldProblem.of("defaults.category", IntakeRefusals.NOT_A_CATEGORY));
        }
        if (defaults.impact() != null && matrix.impactLevel(defaults.impact()).isEmpty()) {
            problems.add(Refusal.FieldProblem.of(
                    "defaults.impact",
                    SharedRefusals.MUST_BE_ONE_OF,
                    matrix.impacts().toString()));
        }
        if (defaults.urgency() != null
                && matrix.urgencyLevel(defaults.urgency()).isEmpty()) {
            problems.add(Refusal.FieldProblem.of(
                    "defaults.urgency",
                    SharedRefusals.MUST_BE_ONE_OF,
                    matrix.urgencies().toString()));
        }
        if (defaults.team() != null && identity.team(defaults.team()).isEmpty()) {
            problems.add(Refusal.FieldProblem.of(
                    "defaults.team",
                    SharedRefusals.TEAM_DOES_NOT_EXIST,
                    defaults.team().toString()));
        }
        return problems;
    }
}
