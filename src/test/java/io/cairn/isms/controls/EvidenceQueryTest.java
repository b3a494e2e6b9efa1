package io.cairn.isms.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.isms.procedures.AnnexAControl;
import io.cairn.isms.procedures.ProcedureTypeId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What an auditor asks for is checked, each problem named by its field. */
class EvidenceQueryTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final ProcedureTypeId KNOWN = ProcedureTypeId.random();

    static Outcome<EvidenceQuery> ask(
            @Nullable String control, @Nullable String from, @Nullable String to, @Nullable String type) {
        return ask(new EvidenceQuery.Given(control, from, to, type, null, null));
    }

    static Outcome<EvidenceQuery> ask(EvidenceQuery.Given given) {
        return EvidenceQuery.of(
                given,
                AMSTERDAM,
                number -> number.replace("A.", "").equals("5.18")
                        ? Optional.of(new AnnexAControl("5.18", "Access rights"))
                        : Optional.empty(),
                KNOWN::equals,
                calendar -> calendar.equals("Office")
                        ? Optional.of(new CompletionTarget.NamedCalendar(
                                "Office", ExceptionRulesTest.ONE_WORKING_DAY.calendar()))
                        : Optional.empty());
    }

    static EvidenceQuery.Given within(@Nullable String days, @Nullable String calendar) {
        return new EvidenceQuery.Given("5.18", "2026-07-01", "2026-09-30", null, days, calendar);
    }

    @Test
    void workingDaysAskedNeedANumberFrom0To366AndACalendarThatExists() {
        CompletionTarget target = ask(within("1", "Office")).orRefuse().target();
        assertThat(target).isNotNull();
        assertThat(target.workingDays()).isEqualTo(1);
        assertThat(ask(within(null, "Office")).orRefuse().target()).isNull();
        assertThat(fields(ask(within("-1", "Office")))).containsExactly("withinWorkingDays");
        assertThat(fields(ask(within("367", "Office")))).containsExactly("withinWorkingDays");
        assertThat(fields(ask(within("one", "Office")))).containsExactly("withinWorkingDays");
        assertThat(fields(ask(within("1", " ")))).containsExactly("calendar");
        assertThat(fields(ask(within("1", "Nowhere")))).containsExactly("calendar");
    }

    static List<String> fields(Outcome<EvidenceQuery> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        Refusal refusal = ((Outcome.Refused<EvidenceQuery>) outcome).refusal();
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
        return refusal.fields().stream().map(Refusal.FieldProblem::field).toList();
    }

    @Test
    void aPeriodIsWholeDaysInTheZoneBothEndsIncluded() {
        EvidenceQuery query = ask("A.5.18", "2026-07-01", "2026-09-30", null).orRefuse();
        assertThat(query.control().number()).isEqualTo("5.18");
        assertThat(query.start()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(query.end()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(query.procedureType()).isNull();
    }

    @Test
    void anUnknownOrMissingControlIsRefusedNamingControl() {
        assertThat(fields(ask("9.99", "2026-07-01", "2026-09-30", null))).containsExactly("control");
        assertThat(fields(ask(" ", "2026-07-01", "2026-09-30", null))).containsExactly("control");
    }

    @Test
    void aMissingOrMalformedDateIsRefusedNamingItsField() {
        assertThat(fields(ask("5.18", null, "2026-09-30", null))).containsExactly("from");
        assertThat(fields(ask("5.18", "2026-07-01", "30-09-2026", null))).containsExactly("to");
        assertThat(fields(ask("5.18", "", "", null))).containsExactly("from", "to");
    }

    @Test
    void anEndBeforeTheStartOrAPeriodOfMoreThanFiveYearsIsRefusedNamingTo() {
        assertThat(fields(ask("5.18", "2026-07-01", "2026-06-30", null))).containsExactly("to");
        assertThat(fields(ask("5.18", "2020-01-01", "2025-01-02", null))).containsExactly("to");
        assertThat(ask("5.18", "2020-01-01", "2025-01-01", null)).isInstanceOf(Outcome.Done.class);
    }

    @Test
    void aProcedureTypeThatIsNotOneIsRefusedNamingProcedureType() {
        assertThat(fields(ask("5.18", "2026-07-01", "2026-09-30", "nonsense"))).containsExactly("procedureType");
        assertThat(fields(ask(
                        "5.18",
                        "2026-07-01",
                        "2026-09-30",
                        ProcedureTypeId.random().toString())))
                .containsExactly("procedureType");
        assertThat(ask("5.18", "2026-07-01", "2026-09-30", KNOWN.toString())
                        .orRefuse()
                        .procedureType())
                .isEqualTo(KNOWN);
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        assertThat(fields(ask("x", "y", "z", "t"))).containsExactly("control", "from", "to", "procedureType");
    }
}
