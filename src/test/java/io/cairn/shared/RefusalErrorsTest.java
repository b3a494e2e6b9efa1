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

    /** Reasons as a module declares them. */
    enum Reasons implements Refusal.Reason {
        CLOSING_NEEDS_A_RESOLUTION("test.closing-needs-a-resolution", "closing needs a resolution"),
        MERGED("test.merged", "this incident was merged into another; work on that one"),
        LOCKED("test.locked", "the reporter's text is locked"),
        NOT_A_DURATION("test.not-a-duration", "''{0}'' is not a duration such as PT4H or 4h"),
        NOT_A_CODE("test.not-a-code", "is not a follow-up code");

        private final String code;
        private final String template;

        Reasons(String code, String template) {
            this.code = code;
            this.template = template;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String template() {
            return template;
        }
    }

    @Test
    void putsAFieldProblemNextToItsField() {
        var errors = new BeanPropertyBindingResult(new Form("", 3L), "form");

        RefusalErrors.reject(Refusal.invalid("reason", Reasons.CLOSING_NEEDS_A_RESOLUTION), errors);

        assertThat(errors.getFieldError("reason").getCodes()).contains("refusal.test.closing-needs-a-resolution");
        assertThat(errors.getFieldError("reason").getDefaultMessage())
                .as("in sentence case")
                .isEqualTo("Closing needs a resolution");
    }

    @Test
    void putsAProblemWithAFieldTheFormLacksOnTheWholeForm() {
        var errors = new BeanPropertyBindingResult(new Form("", 3L), "form");

        RefusalErrors.reject(Refusal.conflict("status", Reasons.MERGED), errors);

        assertThat(errors.getGlobalError().getCodes()).contains("refusal.test.merged");
        assertThat(errors.getGlobalError().getDefaultMessage()).startsWith("Status: ");
    }

    @Test
    void keysATextWithVariablePartsByItsTemplateAndPassesItsArguments() {
        var errors = new BeanPropertyBindingResult(new Form("", 3L), "form");

        RefusalErrors.reject(Refusal.invalid("reason", SharedRefusals.TOO_SHORT, 12), errors);

        FieldError error = errors.getFieldError("reason");
        assertThat(error.getCodes()).contains("refusal.too-short");
        assertThat(error.getArguments()).containsExactly(12);
        assertThat(error.getDefaultMessage()).isEqualTo("Must be at least {0} characters");
    }

    @Test
    void passesNoArgumentsForAFixedTextSoItsQuotesStayAsWritten() {
        var errors = new BeanPropertyBindingResult(new Form("", 3L), "form");

        RefusalErrors.reject(Refusal.conflict(Reasons.LOCKED), errors);

        assertThat(errors.getGlobalError().getArguments()).isNull();
        assertThat(errors.getGlobalError().getDefaultMessage()).isEqualTo("The reporter's text is locked");
    }

    @Test
    void translatesEachProblemByFieldForPagesThatShowAMap() {
        var messages = new StaticMessageSource();
        messages.addMessage(
                "refusal.test.not-a-duration", Locale.forLanguageTag("nl"), "''{0}'' is geen duur zoals PT4H of 4h.");
        Refusal refusal = Refusal.invalid("waitFor", Reasons.NOT_A_DURATION, "soon");

        assertThat(RefusalErrors.byField(refusal, messages, Locale.forLanguageTag("nl"), "level."::concat))
                .containsExactly(Map.entry("level.waitFor", "'soon' is geen duur zoals PT4H of 4h."));
        assertThat(RefusalErrors.byField(refusal, messages, Locale.ENGLISH, field -> field))
                .containsExactly(Map.entry("waitFor", "'soon' is not a duration such as PT4H or 4h"));
        assertThat(RefusalErrors.byField(Refusal.conflict(Reasons.LOCKED), messages, Locale.ENGLISH, field -> field))
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
    void makesTheMessageCodeOfAReasonFromItsCode() {
        assertThat(RefusalErrors.codeOf(Reasons.LOCKED)).isEqualTo("refusal.test.locked");
        assertThat(List.of(RefusalErrors.codeOf(SharedRefusals.TOO_SHORT))).containsExactly("refusal.too-short");
    }

    @Test
    void pagesShowATextInSentenceCaseWhetherTheBundleKnowsItOrNot() {
        var messages = new org.springframework.context.support.StaticMessageSource();
        messages.addMessage("refusal.must-not-be-empty", java.util.Locale.ENGLISH, "must not be empty");

        assertThat(RefusalErrors.text(
                        Refusal.invalid("title", SharedRefusals.MUST_NOT_BE_EMPTY), messages, java.util.Locale.ENGLISH))
                .isEqualTo("Must not be empty");
        assertThat(RefusalErrors.text(Refusal.invalid("code", Reasons.NOT_A_CODE), messages, java.util.Locale.ENGLISH))
                .isEqualTo("Is not a follow-up code");
        assertThat(RefusalErrors.sentence("'x' is not a key"))
                .as("nothing to capitalise")
                .isEqualTo("'x' is not a key");
    }
}
