package io.cairn.compliance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A regulator's reporting duty as data: the facts that set it off, and the stages of reports each with its recipient,
 * its clock and the fields it must carry. A regime file describes one; a national variant is a regime of the same id.
 *
 * @param version the version of the rules; an obligation keeps the version it started under
 * @param jurisdiction where the regime applies: an ISO country code or {@code EU}
 * @param zone the time zone in which calendar and business-day clocks are counted
 * @param workingDays the weekdays on which business-day clocks count
 * @param holidays the dates on which business-day clocks do not count
 * @param triggers the named facts the stages start from and count from
 */
public record Regime(
        RegimeId id,
        String version,
        LocalizedText name,
        String jurisdiction,
        ZoneId zone,
        Set<DayOfWeek> workingDays,
        Set<LocalDate> holidays,
        List<Trigger> triggers,
        List<Stage> stages) {

    /** The suffix of a fact that is a stage's submission: {@code initial.submitted}. */
    public static final String SUBMITTED = ".submitted";

    /** A named fact of a regime, such as {@code awareness} or {@code dora-major}. */
    public record Trigger(String id, LocalizedText name) {}

    /**
     * One report of a regime.
     *
     * @param opensOn the triggers that, once all are recorded, open the stage
     * @param mandatoryFields the fields a submission of the stage must fill
     * @param warnings when the stage warns before it is due
     */
    public record Stage(
            String id,
            LocalizedText name,
            LocalizedText recipient,
            List<String> opensOn,
            ClockRule clock,
            List<String> mandatoryFields,
            List<WarningThreshold> warnings) {

        public Stage {
            opensOn = List.copyOf(opensOn);
            mandatoryFields = List.copyOf(mandatoryFields);
            warnings = List.copyOf(warnings);
        }

        /** A stage that warns at the default thresholds of its clock. */
        public Stage(
                String id,
                LocalizedText name,
                LocalizedText recipient,
                List<String> opensOn,
                ClockRule clock,
                List<String> mandatoryFields) {
            this(id, name, recipient, opensOn, clock, mandatoryFields, WarningThreshold.defaults(clock));
        }
    }

    public Regime {
        workingDays = Set.copyOf(workingDays);
        holidays = Set.copyOf(holidays);
        triggers = List.copyOf(triggers);
        stages = List.copyOf(stages);
        Set<String> facts = new HashSet<>();
        triggers.forEach(trigger -> facts.add(trigger.id()));
        stages.forEach(stage -> facts.add(stage.id() + SUBMITTED));
        for (Stage stage : stages) {
            if (!facts.containsAll(stage.clock().facts())
                    || !triggers.stream().map(Trigger::id).toList().containsAll(stage.opensOn())) {
                throw new IllegalArgumentException("stage " + stage.id() + " names a fact the regime does not have");
            }
        }
    }

    /** The stage of the id, if the regime has it. */
    public Optional<Stage> stage(String stageId) {
        return stages.stream().filter(stage -> stage.id().equals(stageId)).findFirst();
    }

    /** The trigger of the id, if the regime has it. */
    public Optional<Trigger> trigger(String triggerId) {
        return triggers.stream()
                .filter(trigger -> trigger.id().equals(triggerId))
                .findFirst();
    }
}
