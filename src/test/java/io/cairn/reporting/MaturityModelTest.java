package io.cairn.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped maturity model reads, names every practice in English and Dutch, and is judged as the view says: a
 * level is met when its practices and those below are all shown; a model that would have to be guessed at is refused.
 */
class MaturityModelTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    @Test
    void theShippedModelHasEveryLevelAndATextForEachPracticeInBothLanguages() throws IOException {
        MaturityModel model = shipped();
        for (int level = 1; level <= MaturityModel.LEVELS; level++) {
            assertThat(model.practicesOf(level)).as("level " + level).isNotEmpty();
        }
        for (String bundle : List.of("/i18n/messages.properties", "/i18n/messages_nl.properties")) {
            Properties texts = texts(bundle);
            for (MaturityModel.Practice practice : model.practices()) {
                assertThat(texts)
                        .as(bundle)
                        .containsKeys(
                                "maturity.practice." + practice.key(),
                                "maturity.practice." + practice.key() + ".description",
                                "maturity.domain." + practice.domain());
            }
            for (MaturityIndicator indicator : MaturityIndicator.values()) {
                assertThat(texts).as(bundle).containsKey("maturity.indicator." + indicator.code());
            }
        }
    }

    @Test
    void aLevelIsMetWhenItsPracticesAndThoseBelowAreAllShown() throws IOException {
        MaturityModel model = shipped();
        Map<MaturityIndicator, @Nullable Double> values = everyTargetReached(model);
        Map<String, MaturityRecord> records = new HashMap<>();
        for (MaturityModel.Practice practice : model.practices()) {
            if (practice.recorded()) {
                records.put(practice.key(), record(practice.key(), null));
            }
        }
        assertThat(assess(model, values, records).level()).isEqualTo(5);

        values.put(MaturityIndicator.PRIORITISED_SHARE, 94.9);
        MaturityView view = assess(model, values, records);
        assertThat(view.level()).isEqualTo(2);
        assertThat(view.nextLevel()).isEqualTo(3);
        assertThat(view.missing()).extracting(MaturityView.PracticeView::key).containsExactly("prioritised-by-urgency");
        assertThat(view.levels().get(3).met()).as("level 4 on its own").isTrue();
        assertThat(domain(view, "response").level()).isEqualTo(2);
        assertThat(domain(view, "learning").level()).isEqualTo(4);

        values.put(MaturityIndicator.PRIORITISED_SHARE, 95.0);
        values.put(MaturityIndicator.RECURRING_SHARE, null);
        view = assess(model, values, records);
        assertThat(view.level())
                .as("no incident with a root cause shows nothing")
                .isEqualTo(3);

        records.put("staff-awareness", record("staff-awareness", TODAY.minusDays(1)));
        view = assess(model, values, records);
        assertThat(view.level()).as("a lapsed record shows nothing").isZero();
        assertThat(view.missing()).extracting(MaturityView.PracticeView::key).containsExactly("staff-awareness");
        records.put("staff-awareness", record("staff-awareness", TODAY));
        assertThat(assess(model, values, records).level())
                .as("a record holds on its last day")
                .isEqualTo(3);
    }

    @Test
    void aTargetAtMostIsReachedAtOrBelowIt() {
        MaturityModel.Target atMost = new MaturityModel.Target(false, 10);
        assertThat(atMost.reachedBy(10.0)).isTrue();
        assertThat(atMost.reachedBy(10.1)).isFalse();
        assertThat(atMost.reachedBy(null)).isFalse();
        MaturityModel.Target atLeast = new MaturityModel.Target(true, 90);
        assertThat(atLeast.reachedBy(90.0)).isTrue();
        assertThat(atLeast.reachedBy(89.9)).isFalse();
    }

    @Test
    void aModelThatWouldHaveToBeGuessedAtIsRefusedWithTheReason() {
        assertRefused(model("[]", ""), "'domains' lists no domain");
        assertRefused(
                model(
                        "[\"a\"]",
                        "{\"key\": \"p\", \"level\": 1, \"domain\": \"a\", \"indicator\": \"no-such\", "
                                + "\"atLeast\": 1}"),
                "'no-such' is not an indicator");
        assertRefused(
                model("[\"a\"]", "{\"key\": \"p\", \"level\": 6, \"domain\": \"a\", \"recorded\": true}"),
                "'level' must be a whole number from 1 to 5");
        assertRefused(
                model("[\"a\"]", "{\"key\": \"p\", \"level\": 1, \"domain\": \"b\", \"recorded\": true}"),
                "the domain 'b' is not one of [a]");
        assertRefused(
                model("[\"a\"]", "{\"key\": \"p\", \"level\": 1, \"domain\": \"a\", \"indicator\": \"playbooks\"}"),
                "give its target as one of 'atLeast' or 'atMost'");
        assertRefused(
                model(
                        "[\"a\"]",
                        "{\"key\": \"p\", \"level\": 1, \"domain\": \"a\", \"recorded\": true, " + "\"atLeast\": 1}"),
                "a recorded practice is \"recorded\": true, without an indicator or a target");
        assertRefused(
                model(
                        "[\"a\"]",
                        "{\"key\": \"p\", \"level\": 1, \"domain\": \"a\", \"recorded\": true, \"colour\": 1}"),
                "'colour' is not one of");
        assertRefused(
                model(
                        "[\"a\"]",
                        "{\"key\": \"p\", \"level\": 1, \"domain\": \"a\", \"recorded\": true}, "
                                + "{\"key\": \"p\", \"level\": 2, \"domain\": \"a\", \"recorded\": true}"),
                "the practice 'p' is listed twice");
        assertRefused(
                model("[\"a\"]", "{\"key\": \"p\", \"level\": 1, \"domain\": \"a\", \"recorded\": true}"),
                "level 2 has no practice");
    }

    private static MaturityView assess(
            MaturityModel model, Map<MaturityIndicator, @Nullable Double> values, Map<String, MaturityRecord> records) {
        MaturityFigures.Computed figures = new MaturityFigures.Computed(
                TODAY.minusYears(1).plusDays(1), TODAY, Instant.parse("2026-07-01T00:00:00Z"), values);
        return MaturityAssessment.assess(model, figures, records);
    }

    private static Map<MaturityIndicator, @Nullable Double> everyTargetReached(MaturityModel model) {
        Map<MaturityIndicator, @Nullable Double> values = new EnumMap<>(MaturityIndicator.class);
        for (MaturityModel.Practice practice : model.practices()) {
            if (practice.indicator() != null && practice.target() != null) {
                values.put(practice.indicator(), practice.target().value());
            }
        }
        return values;
    }

    private static MaturityView.DomainView domain(MaturityView view, String name) {
        return view.domains().stream()
                .filter(domain -> domain.domain().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static MaturityRecord record(String practice, @Nullable LocalDate until) {
        return new MaturityRecord(practice, "evidence", "", until, "admin", Instant.parse("2026-01-01T00:00:00Z"), 0);
    }

    private static MaturityModel shipped() throws IOException {
        try (InputStream in = MaturityModelTest.class.getResourceAsStream("/reporting/maturity-model.json")) {
            return MaturityModel.read(JSON.readTree(in));
        }
    }

    private static JsonNode model(String domains, String practices) {
        return JSON.readTree("{\"domains\": " + domains + ", \"practices\": [" + practices + "]}");
    }

    private static void assertRefused(JsonNode model, String reason) {
        assertThatThrownBy(() -> MaturityModel.read(model))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(reason);
    }

    private static Properties texts(String bundle) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = MaturityModelTest.class.getResourceAsStream(bundle)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
