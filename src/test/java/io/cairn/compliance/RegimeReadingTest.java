package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Regime files are read strictly: the shipped ones give the facts of the requirements file, and a file that does not
 * parse, lacks a field, names an unknown clock kind, a trigger or fact the regime does not have, or declares a trigger
 * no stage uses, is refused with its line and column and what is wrong.
 */
class RegimeReadingTest {

    /** A small valid regime; the tests break it in one place each. */
    static final String VALID = """
            id: test
            version: "1"
            name: {en: Test regime, nl: Testregeling}
            jurisdiction: NL
            triggers:
              - id: awareness
                name: {en: Aware, nl: Kennis}
              - id: significant
                name: {en: Significant, nl: Significant}
            stages:
              - id: first
                name: {en: First report, nl: Eerste verslag}
                recipient: {en: Authority, nl: Autoriteit}
                opens-on: [significant]
                clock:
                  kind: after
                  fact: awareness
                  offset: PT24H
                mandatory-fields: [nature]
              - id: final
                name: {en: Final report, nl: Eindverslag}
                recipient: {en: Authority, nl: Autoriteit}
                opens-on: [significant]
                clock:
                  kind: calendar-period
                  fact: first.submitted
                  period: P1M
                mandatory-fields: []
            """;

    static RegimeReading.Read read(String text) {
        return RegimeReading.read("test.yaml", new StringReader(text));
    }

    static Regime shipped(String name) throws Exception {
        try (Reader text = new InputStreamReader(
                Objects.requireNonNull(RegimeReadingTest.class.getResourceAsStream("/compliance/regimes/" + name)),
                StandardCharsets.UTF_8)) {
            RegimeReading.Read read = RegimeReading.read(name, text);
            assertThat(read.problems()).as(name).isEmpty();
            return read.regime().orElseThrow();
        }
    }

    @Test
    void readsAValidRegimeWithItsDefaults() {
        RegimeReading.Read read = read(VALID);

        assertThat(read.problems()).isEmpty();
        Regime regime = read.regime().orElseThrow();
        assertThat(regime.zone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(regime.stage("final").orElseThrow().clock())
                .isEqualTo(new ClockRule.CalendarPeriod("first.submitted", Period.ofMonths(1), false));
        assertThat(regime.stage("first").orElseThrow().mandatoryFields()).containsExactly("nature");
    }

    @Test
    void theShippedRegimesCarryTheClocksOfTheRequirements() throws Exception {
        assertThat(shipped("gdpr.yaml")
                        .stage("supervisory-authority")
                        .orElseThrow()
                        .clock())
                .isEqualTo(new ClockRule.After("awareness", Duration.ofHours(72)));
        assertThat(shipped("gdpr.yaml").stage("data-subjects").orElseThrow().clock())
                .isInstanceOf(ClockRule.WithoutUndueDelay.class);
        Regime nis2 = shipped("nis2.yaml");
        assertThat(nis2.stages().stream().map(stage -> stage.clock()).toList())
                .containsExactly(
                        new ClockRule.After("awareness", Duration.ofHours(24)),
                        new ClockRule.After("awareness", Duration.ofHours(72)),
                        new ClockRule.OnRequest("intermediate-due"),
                        new ClockRule.CalendarPeriod("notification.submitted", Period.ofMonths(1), false));
        assertThat(shipped("dora.yaml").stages().stream()
                        .map(stage -> stage.clock())
                        .toList())
                .containsExactly(
                        new ClockRule.AfterButNoLaterThan(
                                "dora-major", Duration.ofHours(4), "awareness", Duration.ofHours(24)),
                        new ClockRule.After("initial.submitted", Duration.ofHours(72)),
                        new ClockRule.CalendarPeriod("intermediate.submitted", Period.ofMonths(1), false));
        Regime sec = shipped("sec-8k.yaml");
        assertThat(sec.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(sec.stages().get(0).clock())
                .isEqualTo(new ClockRule.BusinessDays("materiality-determined", 4, LocalTime.of(23, 59)));
        assertThat(sec.holidays()).contains(java.time.LocalDate.parse("2025-07-04"));
        assertThat(shipped("hipaa.yaml").stage("hhs-annual").orElseThrow().clock())
                .isEqualTo(new ClockRule.CalendarPeriod("discovery", Period.ofDays(60), true));
    }

    @Test
    void aFileThatDoesNotParseIsRefusedWithItsLineAndColumn() {
        RegimeReading.Read read = read("id: test\nname: {en: x\nversion: [1\n");

        assertThat(read.regime()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("compliance.file.syntax");
            assertThat(problem.line()).isGreaterThan(1);
            assertThat(problem.column()).isPositive();
        });
    }

    @Test
    void aMissingFieldIsNamedWhereItsMappingStarts() {
        RegimeReading.Read read = read(VALID.replace("    mandatory-fields: [nature]\n", ""));

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.toString()).isEqualTo("test.yaml:11:5: lacks the field 'stages[0].mandatory-fields'");
        });
    }

    @Test
    void anUnknownClockKindIsRefusedNamingTheKinds() {
        RegimeReading.Read read = read(VALID.replace("kind: after\n", "kind: fortnightly\n"));

        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(16);
            assertThat(problem.column()).isEqualTo(13);
            assertThat(problem.message()).startsWith("'fortnightly' is no clock kind; the kinds are after, ");
        });
    }

    @Test
    void aStageThatOpensOnAMissingTriggerIsRefused() {
        RegimeReading.Read read = read(VALID.replace(
                "opens-on: [significant]\n    clock:\n      kind: after",
                "opens-on: [major]\n    clock:\n      kind: after"));

        assertThat(read.problems())
                .extracting(RegimeProblem::toString)
                .containsExactly("test.yaml:14:16: 'major' is no trigger of the regime");
    }

    @Test
    void aClockThatCountsFromAnUnknownFactIsRefused() {
        RegimeReading.Read read = read(VALID.replace("fact: first.submitted", "fact: second.submitted"));

        assertThat(read.problems())
                .extracting(RegimeProblem::toString)
                .containsExactly(
                        "test.yaml:26:13: 'second.submitted' is neither a trigger of the regime nor a stage's submission");
    }

    @Test
    void aTriggerNoStageStartsOrCountsFromIsRefused() {
        RegimeReading.Read read = read(
                VALID.replace("triggers:\n", "triggers:\n  - id: unused\n    name: {en: Unused, nl: Ongebruikt}\n"));

        assertThat(read.problems())
                .extracting(RegimeProblem::toString)
                .containsExactly("test.yaml:6:9: no stage starts from or counts from the trigger 'unused'");
    }

    @Test
    void everyProblemOfAFileIsNamedAtOnceAndAnUnknownFieldToo() {
        RegimeReading.Read read = read(
                VALID.replace("jurisdiction: NL\n", "jurisdiktion: NL\n").replace("offset: PT24H", "offset: a day"));

        assertThat(read.regime()).isEmpty();
        assertThat(read.problems())
                .extracting(RegimeProblem::code)
                .containsExactlyInAnyOrder(
                        "compliance.file.unknown-field", "compliance.file.field-missing", "compliance.file.bad-value");
    }

    @Test
    void anEmptyFileAndAListAreRefused() {
        assertThat(read("").problems())
                .extracting(RegimeProblem::code)
                .containsExactly("compliance.file.field-missing");
        assertThat(read("- a\n- b\n").problems())
                .extracting(RegimeProblem::code)
                .containsExactly("compliance.file.not-a-mapping");
        assertThat(List.of(read("id: [\n").problems().get(0).code())).containsExactly("compliance.file.syntax");
    }
}
