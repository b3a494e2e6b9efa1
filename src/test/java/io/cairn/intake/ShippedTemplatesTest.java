package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped report templates come in English and Dutch: every title, summary, question, help, choice and tip. */
class ShippedTemplatesTest {

    @Test
    void everyTextOfEveryShippedTemplateHasItsDutch() {
        List<ShippedTemplates.Shipped> shipped = ShippedTemplates.read();
        assertThat(shipped).hasSize(9);
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            for (ShippedTemplates.Shipped template : shipped) {
                assertThat(validator.validate(template.content()))
                        .as(template.key())
                        .isEmpty();
                for (Texts text : texts(template.content())) {
                    assertThat(text.nl()).as(template.key() + ": " + text.en()).isNotBlank();
                }
            }
        }
    }

    private static List<Texts> texts(TemplateContent content) {
        List<Texts> texts = new ArrayList<>(List.of(content.title(), content.summary()));
        for (TemplateContent.Question question : content.questions()) {
            texts.add(question.label());
            if (question.help() != null) {
                texts.add(question.help());
            }
            if (question.options() != null) {
                question.options().forEach(option -> texts.add(option.label()));
            }
        }
        texts.addAll(content.tips());
        return texts;
    }
}
