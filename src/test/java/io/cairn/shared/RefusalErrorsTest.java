package io.cairn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;

class RefusalErrorsTest {

    record Form(String reason, Long version) {}

    @Test
    void putsAFieldProblemNextToItsField() {
        var errors = new BeanPropertyBindingResult(new Form("", 3L), "form");

        RefusalErrors.reject(Refusal.invalid("reason", "closing needs a resolution"), errors);

        assertThat(errors.getFieldError("reason").getCodes()).contains("refusal.closing-needs-a-resolution");
        assertThat(errors.getFieldError("reason").getDefaultMessage()).as("in sentence case")
                .isEqualTo("Closing needs a resolution");
    }

    @Test
    void putsAProblemWithAFieldTheFormLacksOnTheWholeForm() {
        var errors = new BeanPropertyBindingResult(new Form("", 3L), "form");

        RefusalErrors.reject(Refusal.conflict("status", "this incident was merged into another; work on that one"),
                errors);

        assertThat(errors.getGlobalError().getCodes())
                .contains("refusal.this-incident-was-merged-into-another-work-on-that-one");
        assertThat(errors.getGlobalError().getDefaultMessage()).startsWith("Status: ");
    }

    @Test
    void keysATextWithVariablePartsByItsTemplateAndPassesItsArguments() {
        var errors = new BeanPropertyBindingResult(new Form("", 3L), "form");

        RefusalErrors.reject(Refusal.invalid("reason", "must be at least {0} characters", 12), errors);

        FieldError error = errors.getFieldError("reason");
        assertThat(error.getCodes()).contains("refusal.must-be-at-least-0-characters");
        assertThat(error.getArguments()).containsExactly(12);
        assertThat(error.getDefaultMessage()).isEqualTo("Must be at least {0} characters");
    }

    @Test
    void passesNoArgumentsForAFixedTextSoItsQuotesStayAsWritten() {
        var errors = new BeanPropertyBindingResult(new Form("", 3L), "form");

        RefusalErrors.reject(Refusal.conflict("the reporter's text is locked"), errors);

        assertThat(errors.getGlobalError().getArguments()).isNull();
        assertThat(errors.getGlobalError().getDefaultMessage()).isEqualTo("The reporter's text is locked");
    }

    @Test
    void translatesEachProblemByFieldForPagesThatShowAMap() {
        var messages = new StaticMessageSource();
        messages.addMessage("refusal.0-is-not-a-duration-such-as-pt4h-or-4h", Locale.forLanguageTag("nl"),
                "''{0}'' is geen duur zoals PT4H of 4h.");
        Refusal refusal = Refusal.invalid("waitFor", "''{0}'' is not a duration such as PT4H or 4h", "soon");

        assertThat(RefusalErrors.byField(refusal, messages, Locale.forLanguageTag("nl"), "level."::concat))
                .containsExactly(Map.entry("level.waitFor", "'soon' is geen duur zoals PT4H of 4h."));
        assertThat(RefusalErrors.byField(refusal, messages, Locale.ENGLISH, field -> field))
                .containsExactly(Map.entry("waitFor", "'soon' is not a duration such as PT4H or 4h"));
        assertThat(RefusalErrors.byField(Refusal.conflict("the reporter's text is locked"), messages,
                        Locale.ENGLISH, field -> field))
                .containsExactly(Map.entry("form", "The reporter's text is locked"));
    }

    @Test
    void reportsAStaleVersionAsOneCodeWhateverItsText() {
        var errors = new BeanPropertyBindingResult(new Form("", 3L), "form");

        RefusalErrors.reject(Refusal.stale(3, 4), errors);

        assertThat(errors.getGlobalError().getCode()).isEqualTo("refusal.stale");
        assertThat(errors.getFieldErrors()).isEmpty();
    }

    @Test
    void makesCodesFromTextInLowerCaseWithDashes() {
        assertThat(RefusalErrors.codeOf("Lowering the TLP marking from AMBER+STRICT to GREEN needs a reason"))
                .isEqualTo("refusal.lowering-the-tlp-marking-from-amber-strict-to-green-needs-a-reason");
        assertThat(RefusalErrors.codeOf("x".repeat(500))).hasSize("refusal.".length() + 120);
        assertThat(List.of(RefusalErrors.codeOf("must be at least 12 characters")))
                .containsExactly("refusal.must-be-at-least-12-characters");
    }

    @Test
    void pagesShowATextInSentenceCaseWhetherTheBundleKnowsItOrNot() {
        var messages = new org.springframework.context.support.StaticMessageSource();
        messages.addMessage("refusal.must-not-be-empty", java.util.Locale.ENGLISH, "must not be empty");

        assertThat(RefusalErrors.text(Refusal.invalid("title", "must not be empty"), messages,
                java.util.Locale.ENGLISH)).isEqualTo("Must not be empty");
        assertThat(RefusalErrors.text(Refusal.invalid("code", "is not a follow-up code"), messages,
                java.util.Locale.ENGLISH)).isEqualTo("Is not a follow-up code");
        assertThat(RefusalErrors.sentence("'x' is not a key")).as("nothing to capitalise").isEqualTo("'x' is not a key");
    }
}
