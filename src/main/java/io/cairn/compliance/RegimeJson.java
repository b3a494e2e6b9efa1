package io.cairn.compliance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A regime as a JSON value and back: what an obligation keeps of the regime it started under (its zone, calendar,
 * triggers and stages with their clocks), so that a later regime file never moves the obligation's deadlines.
 */
final class RegimeJson {

    private RegimeJson() {}

    static Map<String, Object> write(Regime regime) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", regime.id().value());
        json.put("version", regime.version());
        json.put("name", text(regime.name()));
        json.put("jurisdiction", regime.jurisdiction());
        json.put("zone", regime.zone().getId());
        json.put(
                "workingDays",
                regime.workingDays().stream().map(DayOfWeek::name).sorted().toList());
        json.put(
                "holidays",
                regime.holidays().stream().map(LocalDate::toString).sorted().toList());
        json.put(
                "triggers",
                regime.triggers().stream()
                        .map(trigger -> Map.of("id", trigger.id(), "name", text(trigger.name())))
                        .toList());
        json.put("stages", regime.stages().stream().map(RegimeJson::stage).toList());
        return json;
    }

    private static Map<String, Object> stage(Regime.Stage stage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", stage.id());
        json.put("name", text(stage.name()));
        json.put("recipient", text(stage.recipient()));
        json.put("opensOn", stage.opensOn());
        json.put("clock", clock(stage.clock()));
        json.put("mandatoryFields", stage.mandatoryFields());
        json.put(
                "warnings",
                stage.warnings().stream().map(WarningThreshold::toString).toList());
        return json;
    }

    static Map<String, Object> clock(ClockRule rule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", rule.kind());
        json.put("fact", rule.facts().get(0));
        if (rule instanceof ClockRule.After after) {
            json.put("offset", after.offset().toString());
        } else if (rule instanceof ClockRule.AfterButNoLaterThan bounded) {
            json.put("offset", bounded.offset().toString());
            json.put("boundFact", bounded.boundFact());
            json.put("bound", bounded.bound().toString());
        } else if (rule instanceof ClockRule.CalendarPeriod period) {
            json.put("period", period.period().toString());
            json.put("fromYearEnd", period.fromYearEnd());
        } else if (rule instanceof ClockRule.BusinessDays days) {
            json.put("days", days.days());
            json.put("dueTime", days.dueTime().toString());
        } else if (rule instanceof ClockRule.WithoutUndueDelay undue) {
            json.put("target", undue.target().toString());
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    static Regime read(Map<String, Object> json) {
        List<Map<String, Object>> triggers = (List<Map<String, Object>>) field(json, "triggers");
        List<Map<String, Object>> stages = (List<Map<String, Object>>) field(json, "stages");
        return new Regime(
                new RegimeId((String) field(json, "id")),
                (String) field(json, "version"),
                text(field(json, "name")),
                (String) field(json, "jurisdiction"),
                ZoneId.of((String) field(json, "zone")),
                java.util.Set.copyOf(((List<String>) field(json, "workingDays"))
                        .stream().map(DayOfWeek::valueOf).toList()),
                java.util.Set.copyOf(((List<String>) field(json, "holidays"))
                        .stream().map(LocalDate::parse).toList()),
                triggers.stream()
                        .map(trigger -> new Regime.Trigger((String) field(trigger, "id"), text(field(trigger, "name"))))
                        .toList(),
                stages.stream().map(RegimeJson::stage).toList());
    }

    @SuppressWarnings("unchecked")
    private static Regime.Stage stage(Map<String, Object> json) {
        ClockRule clock = clock((Map<String, Object>) field(json, "clock"));
        Object warnings = json.get("warnings");
        return new Regime.Stage(
                (String) field(json, "id"),
                text(field(json, "name")),
                text(field(json, "recipient")),
                (List<String>) field(json, "opensOn"),
                clock,
                (List<String>) field(json, "mandatoryFields"),
                warnings == null
                        ? WarningThreshold.defaults(clock)
                        : ((List<String>) warnings)
                                .stream()
                                        .map(text ->
                                                WarningThreshold.parse(text).orElseThrow())
                                        .toList());
    }

    static ClockRule clock(Map<String, Object> json) {
        String fact = (String) field(json, "fact");
        ClockKind kind = ClockKind.find((String) field(json, "kind")).orElseThrow();
        return switch (kind) {
            case AFTER -> new ClockRule.After(fact, Duration.parse((String) field(json, "offset")));
            case AFTER_BUT_NO_LATER_THAN ->
                new ClockRule.AfterButNoLaterThan(
                        fact,
                        Duration.parse((String) field(json, "offset")),
                        (String) field(json, "boundFact"),
                        Duration.parse((String) field(json, "bound")));
            case CALENDAR_PERIOD ->
                new ClockRule.CalendarPeriod(
                        fact,
                        Period.parse((String) field(json, "period")),
                        Boolean.TRUE.equals(json.get("fromYearEnd")));
            case BUSINESS_DAYS ->
                new ClockRule.BusinessDays(fact, ((Number) field(json, "days")).intValue(), LocalTime.parse((String)
                        field(json, "dueTime")));
            case WITHOUT_UNDUE_DELAY ->
                new ClockRule.WithoutUndueDelay(fact, Duration.parse((String) field(json, "target")));
            case ON_REQUEST -> new ClockRule.OnRequest(fact);
        };
    }

    private static Map<String, String> text(LocalizedText text) {
        return Map.of("en", text.en(), "nl", text.nl());
    }

    @SuppressWarnings("unchecked")
    private static LocalizedText text(Object json) {
        Map<String, Object> map = (Map<String, Object>) json;
        return new LocalizedText((String) field(map, "en"), (String) field(map, "nl"));
    }

    private static Object field(Map<String, ?> json, String name) {
        return java.util.Objects.requireNonNull(json.get(name), name);
    }
}
