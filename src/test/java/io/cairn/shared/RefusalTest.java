package io.cairn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalTest {

    @Test
    void formatsATemplateIntoTheEnglishTextTheApiShows() {
        Refusal refusal = Refusal.invalid("password", "must be at least {0} characters", 12);

        assertThat(refusal.message()).isEqualTo("password: must be at least 12 characters");
        assertThat(refusal.fields()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("password");
            assertThat(problem.message()).isEqualTo("must be at least 12 characters");
            assertThat(problem.template()).isEqualTo("must be at least {0} characters");
            assertThat(problem.arguments()).containsExactly(12);
        });
    }

    @Test
    void writesQuotesAndLargeNumbersAsTheTextsDidBeforeTheyHadTemplates() {
        assertThat(Refusal.invalid("zone", "''{0}'' is not a time zone", "Mars/Base").fields().get(0).message())
                .isEqualTo("'Mars/Base' is not a time zone");
        assertThat(Refusal.invalid("body", "must be at most {0} characters", String.valueOf(100_000)).message())
                .isEqualTo("body: must be at most 100000 characters");
        assertThat(Refusal.of(Refusal.Kind.CONFLICT, "''{0}'' is not open", "Block the sender").message())
                .isEqualTo("'Block the sender' is not open");
    }

    @Test
    void takesAFixedTextAsItIsQuotesAndBracesAndAll() {
        Refusal refusal = Refusal.conflict("key", "a playbook's key {like this} exists already");

        assertThat(refusal.message()).isEqualTo("key: a playbook's key {like this} exists already");
        assertThat(refusal.fields().get(0).template()).isEqualTo(refusal.fields().get(0).message());
        assertThat(refusal.fields().get(0).arguments()).isEmpty();
        assertThat(new Refusal.FieldProblem("to", "it's open")).isEqualTo(new Refusal.FieldProblem("to", "it's open",
                "it's open", List.of()));
    }
}
