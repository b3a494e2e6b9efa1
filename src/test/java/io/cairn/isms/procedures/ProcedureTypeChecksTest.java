package io.cairn.isms.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.identity.TeamId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProcedureTypeChecksTest {

    private static final TeamId IT = new TeamId(UUID.randomUUID());
    private static final Map<String, TeamId> TEAMS = Map.of("it", IT, IT.toString(), IT);

    private static final FormField LEAVER = new FormField("leaver", "Leaver", FormField.Kind.TEXT, true, null, null);
    private static final FormField LAST_DAY =
            new FormField("last-day", "Last day", FormField.Kind.DATE, true, null, null);
    private static final FormField MANAGER = new FormField("manager", "Manager", FormField.Kind.USER, true, null, null);

    private static ProcedureStep step(String title, String team) {
        return new ProcedureStep(
                "revocation",
                title,
                null,
                ProcedureStep.Kind.TASK,
                true,
                team,
                null,
                "P1D",
                "last-day",
                null,
                List.of("leaver"),
                List.of("A.5.18"));
    }

    private static ProcedureStep approval(String approver) {
        return new ProcedureStep(
                "revocation",
                "Approve",
                null,
                ProcedureStep.Kind.APPROVAL,
                true,
                null,
                approver,
                "P0D",
                null,
                null,
                null,
                List.of("6.5"));
    }

    private static ProcedureDefinition definition(List<FormField> form, List<ProcedureStep> steps) {
        return new ProcedureDefinition(
                "leaver",
                "Leaver",
                null,
                form,
                List.of(new ProcedureDefinition.Phase("revocation", "Revocation")),
                steps,
                "P1D",
                "last-day");
    }

    private static List<String> fields(Outcome<ProcedureDefinition> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<ProcedureDefinition>) outcome)
                .refusal().fields().stream().map(Refusal.FieldProblem::field).toList();
    }

    @Test
    void aValidTypeIsAcceptedWithItsTeamNameResolvedToTheIdAndItsControlsToBareNumbers() {
        Outcome<ProcedureDefinition> checked = ProcedureTypeChecks.check(
                definition(List.of(LEAVER, LAST_DAY, MANAGER), List.of(step("Disable accounts", "IT"))), TEAMS);

        ProcedureStep step =
                ((Outcome.Done<ProcedureDefinition>) checked).value().steps().get(0);
        assertThat(step.team()).isEqualTo(IT.toString());
        assertThat(step.controls()).containsExactly("5.18");
    }

    @Test
    void aStepForATeamThatDoesNotExistIsRefusedNamingTheStepsTeam() {
        Outcome<ProcedureDefinition> checked = ProcedureTypeChecks.check(
                definition(List.of(LEAVER, LAST_DAY), List.of(step("Disable accounts", "Nobody's team"))), TEAMS);

        assertThat(fields(checked)).containsExactly("steps[0].team");
        assertThat(((Outcome.Refused<?>) checked).refusal().message()).contains("Nobody's team");
    }

    @Test
    void anApproverThatIsNotAPersonFieldOfTheFormIsRefused() {
        assertThat(fields(ProcedureTypeChecks.check(
                        definition(List.of(LEAVER, LAST_DAY), List.of(approval("leaver"))), TEAMS)))
                .containsExactly("steps[0].approver");
        assertThat(ProcedureTypeChecks.check(
                        definition(List.of(LEAVER, LAST_DAY, MANAGER), List.of(approval("manager"))), TEAMS))
                .isInstanceOf(Outcome.Done.class);
    }

    @Test
    void unknownControlsFieldsPhasesAndDatesAreRefusedEachNamingItsField() {
        ProcedureStep wrong = new ProcedureStep(
                "elsewhere",
                "",
                null,
                ProcedureStep.Kind.TASK,
                false,
                null,
                "manager",
                "tomorrow",
                "leaver",
                List.of("not an article"),
                List.of("salary"),
                List.of("A.9.1", "5.38"));

        assertThat(fields(ProcedureTypeChecks.check(definition(List.of(LEAVER, LAST_DAY), List.of(wrong)), TEAMS)))
                .containsExactlyInAnyOrder(
                        "steps[0].phase",
                        "steps[0].title",
                        "steps[0].approver",
                        "steps[0].due",
                        "steps[0].dueFrom",
                        "steps[0].articles",
                        "steps[0].fields",
                        "steps[0].controls",
                        "steps[0].controls",
                        "phases[0]");
    }

    @Test
    void formFieldsNeedUniqueKeysAndAChoiceNeedsOptions() {
        List<FormField> form = List.of(
                LEAVER,
                new FormField("leaver", "Again", FormField.Kind.TEXT, false, null, null),
                new FormField("reason", "Reason", FormField.Kind.CHOICE, false, List.of(" "), null),
                new FormField("Bad Key", "", FormField.Kind.DATE, false, List.of("a"), null),
                LAST_DAY);

        assertThat(fields(ProcedureTypeChecks.check(definition(form, List.of(step("Disable", null))), TEAMS)))
                .containsExactlyInAnyOrder(
                        "form[1].key", "form[2].options", "form[3].key", "form[3].label", "form[3].options");
    }

    @Test
    void aDueOffsetBeyondAYearOrNegativeIsRefused() {
        ProcedureDefinition tooLong = new ProcedureDefinition(
                "leaver",
                "Leaver",
                null,
                List.of(LEAVER),
                List.of(new ProcedureDefinition.Phase("revocation", "Revocation")),
                List.of(new ProcedureStep(
                        "revocation", "Disable", null, null, true, null, null, "-P1D", null, null, null, null)),
                "P400D",
                null);

        assertThat(fields(ProcedureTypeChecks.check(tooLong, TEAMS))).containsExactly("due", "steps[0].due");
    }

    @Test
    void aTypeWithoutPhasesOrStepsIsRefused() {
        ProcedureDefinition empty = new ProcedureDefinition("x", "X", null, null, null, null, "P1D", null);

        assertThat(fields(ProcedureTypeChecks.check(empty, TEAMS))).containsExactlyInAnyOrder("steps", "phases");
    }
}
