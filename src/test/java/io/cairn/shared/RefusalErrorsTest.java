package io.cairn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

class RefusalErrorsTest {

    record Form(String reason, Long version) {}

    @Test
    void putsAFieldProblemNextToItsField() {
        var errors = new BeanPropertyBindingResult(new Form("", 3L), "form");

        RefusalErrors.reject(Refusal.invalid("reason", "closing needs a resolution"), errors);

        assertThat(errors.getFieldError("reason").getCodes()).contains("refusal.closing-needs-a-resolution");
        assertThat(errors.getFieldError("reason").getDefaultMessage()).isEqualTo("closing needs a resolution");
    }

    @Test
    void putsAProblemWithAFieldTheFormLacksOnTheWholeForm() {
        var errors = new BeanPropertyBindingResult(new Form("", 3L), "form");

        RefusalErrors.reject(Refusal.conflict("status", "this incident was merged into another; work on that one"),
                errors);

        assertThat(errors.getGlobalError().getCodes())
                .contains("refusal.this-incident-was-merged-into-another-work-on-that-one");
        assertThat(errors.getGlobalError().getDefaultMessage()).startsWith("status: ");
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
}
