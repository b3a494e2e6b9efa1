package io.cairn.intake;

import io.cairn.identity.TeamId;
import io.cairn.incidents.Category;
import io.cairn.shared.Tlp;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a report template asks and advises: its title and summary, the incident defaults it sets, the guided
 * questions and the self-help tips shown right after submitting.
 */
record TemplateContent(
        @NotNull @Valid Texts title,
        @NotNull @Valid Texts summary,
        @NotNull @Valid Defaults defaults,
        @NotEmpty @Size(max = 30) List<@Valid @NotNull Question> questions,
        @Size(max = 20) List<@Valid @NotNull Texts> tips) {

    TemplateContent {
        questions = List.copyOf(questions);
        tips = tips == null ? List.of() : List.copyOf(tips);
    }

    /**
     * The incident a report through this template opens: its category, impact and urgency (labels of the priority
     * matrix), the team it goes to, its TLP marking and whether it is confidential.
     */
    record Defaults(
            @Nullable @Valid Category category,
            @Nullable String impact,
            @Nullable String urgency,
            @Nullable TeamId team,
            @Nullable Tlp tlp,
            boolean confidential) {}

    /**
     * One guided question.
     *
     * @param key how answers name it, unique in the template
     * @param options the choices of a {@code choice} question
     */
    record Question(
            @NotNull
            @jakarta.validation.constraints.Pattern(
                    regexp = "[a-z][a-z0-9-]{0,39}",
                    message = "must be 1 to 40 lower-case letters, digits or dashes")
            String key,

            @NotNull QuestionKind kind,
            boolean required,
            @NotNull @Valid Texts label,
            @Nullable @Valid Texts help,
            @Size(max = 20) List<@Valid @NotNull Choice> options) {

        Question {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /** One option of a choice question. */
    record Choice(
            @NotNull @Size(min = 1, max = 40) String value,
            @NotNull @Valid Texts label) {}
}
