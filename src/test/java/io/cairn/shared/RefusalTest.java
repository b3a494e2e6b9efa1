package io.cairn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusalTest {

    /** Reasons as a module declares them. */
    enum Reasons implements Refusal.Reason {
        NOT_A_TIME_ZONE("test.not-a-time-zone", "''{0}'' is not a time zone"),
        NOT_OPEN("test.not-open", "''{0}'' is not open"),
        KEY_EXISTS("test.key-exists", "a playbook's key {like this} exists already");

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
    void formatsATemplateIntoTheEnglishTextTheApiShows() {
        Refusal refusal = Refusal.invalid("password", SharedRefusals.TOO_SHORT, 12);

        assertThat(refusal.message()).isEqualTo("password: must be at least 12 characters");
        assertThat(refusal.code()).isEqualTo("too-short");
        assertThat(refusal.fields()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("password");
            assertThat(problem.message()).isEqualTo("must be at least 12 characters");
            assertThat(problem.code()).isEqualTo("too-short");
            assertThat(problem.template()).isEqualTo("must be at least {0} characters");
            assertThat(problem.arguments()).containsExactly(12);
        });
    }

    @Test
    void writesQuotesAndLargeNumbersAsTheTextsDidBeforeTheyHadTemplates() {
        assertThat(Refusal.invalid("zone", Reasons.NOT_A_TIME_ZONE, "Mars/Base")
                        .fields()
                        .get(0)
                        .message())
                .isEqualTo("'Mars/Base' is not a time zone");
        assertThat(Refusal.invalid("body", SharedRefusals.TOO_LONG, String.valueOf(100_000))
                        .message())
                .isEqualTo("body: must be at most 100000 characters");
        assertThat(Refusal.of(Refusal.Kind.CONFLICT, Reasons.NOT_OPEN, "Block the sender")
                        .message())
                .isEqualTo("'Block the sender' is not open");
    }

    @Test
    void takesAFixedTextAsItIsQuotesAndBracesAndAll() {
        Refusal refusal = Refusal.conflict("key", Reasons.KEY_EXISTS);

        assertThat(refusal.message()).isEqualTo("key: a playbook's key {like this} exists already");
        assertThat(refusal.fields().get(0).template())
                .isEqualTo(refusal.fields().get(0).message());
        assertThat(refusal.fields().get(0).arguments()).isEmpty();
    }

    @Test
    void saysStaleAndThrottledAndNotFoundInTheWordsTheyHadBeforeTheyHadCodes() {
        assertThat(Refusal.stale(3, 4).message())
                .isEqualTo("version: you changed version 3 but version 4 is stored; reload and try again");
        assertThat(Refusal.stale(3, 4).fields())
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).isEqualTo("is 3, stored is 4"));
        assertThat(Refusal.throttled(Duration.ofSeconds(1500)).message())
                .isEqualTo("too many attempts; try again in 1500 seconds");
        assertThat(Refusal.throttled(Duration.ofSeconds(1500)).retryAfter()).contains(Duration.ofSeconds(1500));
        assertThat(Refusal.notFound("team 7").message()).isEqualTo("team 7 does not exist or is not visible to you");
    }

    @Test
    void joinsTheProblemsOfSeveralFields() {
        Refusal refusal = Refusal.ofProblems(
                Refusal.Kind.INVALID,
                List.of(
                        Refusal.FieldProblem.of("name", SharedRefusals.ALREADY_TAKEN),
                        Refusal.FieldProblem.of("key", SharedRefusals.REQUIRED)));

        assertThat(refusal.message()).isEqualTo("name: is already taken; key: is required");
        assertThat(refusal.fields()).hasSize(2);
    }
}
