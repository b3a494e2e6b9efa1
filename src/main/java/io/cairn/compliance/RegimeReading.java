package io.cairn.compliance;

import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one regime file strictly: a file that does not parse, lacks a field, has a field regimes do not have, names an
 * unknown clock kind or a fact or trigger the regime does not have, or declares a trigger no stage starts from or
 * counts from, is refused with every problem and the line and column where it lies.
 */
final class RegimeReading {

    /** The zone of calendar and business-day clocks when a regime names none. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");

    private static final Set<String> REGIME_FIELDS =
            Set.of("id", "version", "name", "jurisdiction", "zone", "working-days", "holidays", "triggers", "stages");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final int MAX_FILE_SIZE = 1_000_000;

    /** A file read: its regime, or the problems for which it was refused. */
    record Read(Optional<Regime> regime, List<RegimeProblem> problems) {}

    private final YamlMapping file;
    /** The node of each trigger's id, to say where an unused one is declared. */
    private final Map<String, Node> triggerNodes = new LinkedHashMap<>();

    private RegimeReading(YamlMapping file) {
        this.file = file;
    }

    /** Reads the regime of a file; {@code file} names it in the problems. */
    static Read read(String file, Reader text) {
        List<RegimeProblem> problems = new ArrayList<>();
        Optional<Regime> regime = compose(file, text, problems)
                .flatMap(node -> YamlMapping.of(file, "", node, problems))
                .flatMap(mapping -> new RegimeReading(mapping.allowing(REGIME_FIELDS)).regime());
        return problems.isEmpty() && regime.isPresent()
                ? new Read(regime, List.of())
                : new Read(Optional.empty(), List.copyOf(problems));
    }

    private static Optional<Node> compose(String file, Reader text, List<RegimeProblem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_FILE_SIZE);
        try {
            Node node = new Yaml(new SafeConstructor(options)).compose(text);
            if (node == null) {
                problems.add(RegimeProblem.of(file, 1, 1, ComplianceRefusals.FIELD_MISSING, "id"));
            }
            return Optional.ofNullable(node);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() == null ? e.getContextMark() : e.getProblemMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            problems.add(RegimeProblem.of(
                    file, line, column, ComplianceRefusals.YAML_SYNTAX, String.valueOf(e.getProblem())));
        } catch (YAMLException e) {
            problems.add(RegimeProblem.of(file, 0, 0, ComplianceRefusals.YAML_SYNTAX, String.valueOf(e.getMessage())));
        }
        return Optional.empty();
    }

    private Optional<Regime> regime() {
        Optional<RegimeId> id =
                file.text("id").flatMap(text -> file.parsed(file.nodeOf("id"), text, "regime id", RegimeId::new));
        Optional<String> version = file.text("version").map(String::strip);
        Optional<LocalizedText> name = file.mapping("name").flatMap(RegimeReading::text);
        Optional<String> jurisdiction = file.text("jurisdiction").map(String::strip);
        ZoneId zone = file.optionalValue("zone", "time zone (such as Europe/Amsterdam)", ZoneId::of)
                .orElse(DEFAULT_ZONE);
        Set<DayOfWeek> workingDays = days();
        Set<LocalDate> holidays = holidays();
        List<Regime.Trigger> triggers = triggers();
        List<Regime.Stage> stages = new StageReading(file, triggerNodes).stages();
        if (file.hasProblems() || id.isEmpty() || version.isEmpty() || name.isEmpty() || jurisdiction.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Regime(
                id.get(),
                version.get(),
                name.get(),
                jurisdiction.get(),
                zone,
                workingDays,
                holidays,
                triggers,
                stages));
    }

    /** A text in English and Dutch: a mapping with {@code en} and {@code nl}. */
    static Optional<LocalizedText> text(YamlMapping text) {
        text.allowing(Set.of("en", "nl"));
        Optional<String> en = text.text("en").map(String::strip);
        Optional<String> nl = text.text("nl").map(String::strip);
        return en.flatMap(english -> nl.map(dutch -> new LocalizedText(english, dutch)));
    }

    /** The id field of a trigger or stage, or empty with a problem noted. */
    static Optional<String> id(YamlMapping mapping) {
        return mapping.text("id").map(String::strip).filter(id -> {
            if (!RegimeId.wellFormed(id)) {
                mapping.problem(mapping.nodeOf("id"), ComplianceRefusals.BAD_ID, id);
            }
            return RegimeId.wellFormed(id);
        });
    }

    private Set<DayOfWeek> days() {
        List<Node> items = file.list("working-days", false).orElse(List.of());
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Node item : items) {
            file.item("working-days", item)
                    .flatMap(day -> file.parsed(
                            item,
                            day,
                            "weekday (monday to sunday)",
                            d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT))))
                    .ifPresent(days::add);
        }
        return days.isEmpty() ? WEEKDAYS : days;
    }

    private Set<LocalDate> holidays() {
        Set<LocalDate> holidays = new HashSet<>();
        for (Node item : file.list("holidays", false).orElse(List.of())) {
            file.item("holidays", item)
                    .flatMap(date -> file.parsed(item, date, "date (YYYY-MM-DD)", LocalDate::parse))
                    .ifPresent(holidays::add);
        }
        return holidays;
    }

    private List<Regime.Trigger> triggers() {
        List<Regime.Trigger> triggers = new ArrayList<>();
        List<Node> items = file.list("triggers", true).orElse(List.of());
        if (items.isEmpty()) {
            file.problem(file.nodeOf("triggers"), ComplianceRefusals.EMPTY_LIST, "triggers");
        }
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            file.itemMapping(item, "triggers[" + i + "]")
                    .flatMap(trigger -> {
                        trigger.allowing(Set.of("id", "name"));
                        Optional<String> id = id(trigger);
                        Optional<LocalizedText> name = trigger.mapping("name").flatMap(RegimeReading::text);
                        id.ifPresent(known -> {
                            if (triggerNodes.putIfAbsent(known, trigger.nodeOf("id")) != null) {
                                trigger.problem(trigger.nodeOf("id"), ComplianceRefusals.ID_TWICE, known);
                            }
                        });
                        return id.flatMap(known -> name.map(text -> new Regime.Trigger(known, text)));
                    })
                    .ifPresent(triggers::add);
        }
        return triggers;
    }
}
