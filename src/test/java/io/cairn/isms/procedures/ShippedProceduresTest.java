package io.cairn.isms.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class ShippedProceduresTest {

    @Test
    void cairnShipsTheFiveProceduresOfTheIssueEachValid() {
        List<ProcedureDefinition> shipped = ShippedProcedures.read();

        assertThat(shipped)
                .extracting(ProcedureDefinition::key)
                .containsExactly(
                        "security-review", "secure-zone-access", "penetration-test", "patching-round", "offboarding");
        for (ProcedureDefinition definition : shipped) {
            assertThat(ProcedureTypeChecks.check(definition, Map.of()))
                    .as(definition.key())
                    .isInstanceOf(Outcome.Done.class);
        }
    }

    @Test
    void everyShippedStepNamesTheAnnexAControlsItEvidences() {
        for (ProcedureDefinition definition : ShippedProcedures.read()) {
            for (ProcedureStep step : definition.steps()) {
                assertThat(step.controls()).as(step.title()).isNotEmpty();
                step.controls()
                        .forEach(control -> assertThat(AnnexAControls.find(control))
                                .as(control)
                                .isPresent());
            }
        }
    }

    @Test
    void everyShippedApprovalIsDecidedBySomeoneNamedOrByAnotherPerson() {
        for (ProcedureDefinition definition : ShippedProcedures.read()) {
            assertThat(definition.steps())
                    .as(definition.key())
                    .anyMatch(step -> step.kind() == ProcedureStep.Kind.APPROVAL);
        }
    }

    @Test
    void aDutchReaderReadsEveryShippedTextInDutch() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));
        try {
            for (ProcedureDefinition english : ShippedProcedures.read()) {
                ProcedureDefinition dutch = ShippedProcedureTexts.translated(english, ShippedProcedureTexts::shown);
                assertThat(dutch.name()).isNotEqualTo(english.name());
                for (int i = 0; i < english.steps().size(); i++) {
                    assertThat(dutch.steps().get(i).title())
                            .isNotEqualTo(english.steps().get(i).title());
                    assertThat(dutch.steps().get(i).description())
                            .isNotEqualTo(english.steps().get(i).description());
                }
                for (int i = 0; i < english.phases().size(); i++) {
                    assertThat(dutch.phases().get(i).name())
                            .isNotEqualTo(english.phases().get(i).name());
                }
                assertThat(ShippedProcedureTexts.stored(dutch)).isEqualTo(english);
            }
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void annexAHasItsNinetyThreeControlsInDutchToo() {
        assertThat(AnnexAControls.all()).hasSize(93);
        assertThat(AnnexAControls.find("A.8.8").orElseThrow().english())
                .isEqualTo("Management of technical vulnerabilities");
        assertThat(AnnexAControls.find("5.38")).isEmpty();
    }
}
