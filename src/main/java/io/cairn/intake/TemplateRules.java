package io.cairn.intake;

import io.cairn.identity.IdentityManagement;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.PriorityMatrix;
import io.cairn.shared.Refusal;
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
                problems.add(new Refusal.FieldProblem(at + ".key", "'" + question.key() + "' is used twice"));
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
                problems.add(new Refusal.FieldProblem(at + ".options", "a choice needs at least two options"));
            }
            Set<String> values = new HashSet<>();
            question.options().stream().filter(option -> !values.add(option.value())).findFirst()
                    .ifPresent(option -> problems.add(new Refusal.FieldProblem(at + ".options",
                            "the value '" + option.value() + "' is used twice")));
        } else if (!question.options().isEmpty()) {
            problems.add(new Refusal.FieldProblem(at + ".options", "only a choice question has options"));
        }
        if (question.kind() == QuestionKind.FILE && question.required()) {
            problems.add(new Refusal.FieldProblem(at + ".required", "a file question cannot be required: "
                    + "a reporter on a phone may have no file to give"));
        }
        return problems;
    }

    /** The defaults that do not exist: category, impact, urgency, team. */
    private List<Refusal.FieldProblem> defaultsProblems(TemplateContent.Defaults defaults) {
        List<Refusal.FieldProblem> problems = new ArrayList<>();
        PriorityMatrix matrix = incidents.priorityMatrix();
        if (defaults.category() != null && incidents.categories().stream()
                .noneMatch(choice -> choice.category().equals(defaults.category()))) {
            problems.add(new Refusal.FieldProblem("defaults.category", "is not an RSIT class and type"));
        }
        if (defaults.impact() != null && matrix.impactLevel(defaults.impact()).isEmpty()) {
            problems.add(new Refusal.FieldProblem("defaults.impact", "must be one of " + matrix.impacts()));
        }
        if (defaults.urgency() != null && matrix.urgencyLevel(defaults.urgency()).isEmpty()) {
            problems.add(new Refusal.FieldProblem("defaults.urgency", "must be one of " + matrix.urgencies()));
        }
        if (defaults.team() != null && identity.team(defaults.team()).isEmpty()) {
            problems.add(new Refusal.FieldProblem("defaults.team", "team " + defaults.team() + " does not exist"));
        }
        return problems;
    }
}
