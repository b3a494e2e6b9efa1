package io.cairn.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A regime in force as readers see it.
 *
 * @param source {@code shipped}, or {@code override} for a file of the admin's directory
 * @param file the name of the file it was read from
 * @param replacesShipped for an override, whether it replaces a shipped regime of the same id (a national variant)
 * @param workingDays the weekdays on which business-day clocks count
 * @param holidays the dates on which business-day clocks do not count
 */
public record RegimeView(
        String id,
        String version,
        LocalizedText name,
        String jurisdiction,
        String zone,
        String source,
        String file,
        boolean replacesShipped,
        List<String> workingDays,
        List<String> holidays,
        List<Regime.Trigger> triggers,
        List<StageView> stages) {

    /** A stage of a regime: its clock, and the fields a submission must fill. */
    public record StageView(
            String id,
            LocalizedText name,
            LocalizedText recipient,
            List<String> opensOn,
            ClockView clock,
            List<String> mandatoryFields) {}

    /**
     * A stage's clock: its kind and the fields of that kind, the others left out. Durations and periods are ISO 8601.
     *
     * @param offset for {@code after} and {@code after-but-no-later-than}
     * @param boundFact for {@code after-but-no-later-than}: the fact of the bound
     * @param bound for {@code after-but-no-later-than}: how long after the bound fact the stage is due at the latest
     * @param period for {@code calendar-period}
     * @param fromYearEnd for {@code calendar-period}: counted from the end of the fact's calendar year
     * @param days for {@code business-days}
     * @param dueTime for {@code business-days}: the local time of the last day at which it is due
     * @param target for {@code without-undue-delay}: the organisation's own target
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClockView(
            String kind,
            String fact,
            @Nullable String offset,
            @Nullable String boundFact,
            @Nullable String bound,
            @Nullable String period,
            @Nullable Boolean fromYearEnd,
            @Nullable Integer days,
            @Nullable String dueTime,
            @Nullable String target) {

        static ClockView of(ClockRule rule) {
            if (rule instanceof ClockRule.AfterButNoLaterThan a) {
                return new ClockView(
                        a.kind(),
                        a.fact(),
                        a.offset().toString(),
                        a.boundFact(),
                        a.bound().toString(),
                        null,
                        null,
                        null,
                        null,
                        null);
            }
            if (rule instanceof ClockRule.CalendarPeriod c) {
                return new ClockView(
                        c.kind(), c.fact(), null, null, null, c.period().toString(), c.fromYearEnd(), null, null, null);
            }
            if (rule instanceof ClockRule.BusinessDays b) {
                return new ClockView(
                        b.kind(),
                        b.fact(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        b.days(),
                        b.dueTime().toString(),
                        null);
            }
            if (rule instanceof ClockRule.After a) {
                return plain(a, a.offset().toString(), null);
            }
            if (rule instanceof ClockRule.WithoutUndueDelay w) {
                return plain(w, null, w.target().toString());
            }
            return plain(rule, null, null);
        }

        private static ClockView plain(ClockRule rule, @Nullable String offset, @Nullable String target) {
            return new ClockView(rule.kind(), rule.facts().get(0), offset, null, null, null, null, null, null, target);
        }
    }

    /**
     * A regime file that the last load refused, and where.
     *
     * @param line the line from 1; 0 when the whole file is meant
     * @param code the code of what is wrong
     * @param arguments the variable parts of the message
     * @param message what is wrong, in English
     */
    public record FileRefusal(String file, int line, int column, String code, List<String> arguments, String message) {

        static FileRefusal of(RegimeProblem problem) {
            return new FileRefusal(
                    problem.file(),
                    problem.line(),
                    problem.column(),
                    problem.code(),
                    problem.arguments().stream().map(String::valueOf).toList(),
                    problem.message());
        }
    }

    /**
     * What the last load of the regime files gave.
     *
     * @param refusals the files it refused, and why; each kept what it gave before
     */
    public record Load(List<RegimeView> regimes, List<FileRefusal> refusals, Instant loadedAt) {}

    static RegimeView of(RegimeCatalogue.InForce inForce) {
        Regime regime = inForce.regime();
        return new RegimeView(
                regime.id().value(),
                regime.version(),
                regime.name(),
                regime.jurisdiction(),
                regime.zone().getId(),
                inForce.source().name().toLowerCase(java.util.Locale.ROOT),
                inForce.file(),
                inForce.replacesShipped(),
                regime.workingDays().stream()
                        .sorted()
                        .map(day -> day.name().toLowerCase(java.util.Locale.ROOT))
                        .toList(),
                regime.holidays().stream().sorted().map(Object::toString).toList(),
                regime.triggers(),
                regime.stages().stream()
                        .map(stage -> new StageView(
                                stage.id(),
                                stage.name(),
                                stage.recipient(),
                                stage.opensOn(),
                                ClockView.of(stage.clock()),
                                stage.mandatoryFields()))
                        .toList());
    }
}
