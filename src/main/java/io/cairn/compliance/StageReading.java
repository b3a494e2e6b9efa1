package io.cairn.compliance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the stages of a regime file, and checks that each names only facts the regime has (its triggers and its
 * stages' submissions) and that each trigger is used by some stage.
 */
final class StageReading {

    private static final Set<String> STAGE_FIELDS =
            Set.of("id", "name", "recipient", "opens-on", "clock", "mandatory-fields", "warnings");

    private final YamlMapping file;
    private final Map<String, Node> triggers;
    private final Set<String> facts = new HashSet<>();
    private final Set<String> used = new HashSet<>();
    private final Set<String> stageIds = new HashSet<>();

    /**
     * @param triggers the node of each declared trigger's id, to say where an unused one is declared
     */
    StageReading(YamlMapping file, Map<String, Node> triggers) {
        this.file = file;
        this.triggers = triggers;
    }

    /** The stages read; each problem is noted in the file's list. */
    List<Regime.Stage> stages() {
        List<Node> items = file.list("stages", true).orElse(List.of());
        if (items.isEmpty()) {
            file.problem(file.nodeOf("stages"), ComplianceRefusals.EMPTY_LIST, "stages");
        }
        facts.addAll(triggers.keySet());
        items.forEach(item -> YamlMapping.peek(item, "id").ifPresent(id -> facts.add(id + Regime.SUBMITTED)));
        List<Regime.Stage> stages = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            file.itemMapping(items.get(i), "stages[" + i + "]")
                    .flatMap(stage -> stage(stage.allowing(STAGE_FIELDS)))
                    .ifPresent(stages::add);
        }
        triggers.forEach((trigger, node) -> {
            if (!used.contains(trigger)) {
                file.problem(node, ComplianceRefusals.UNUSED_TRIGGER, trigger);
            }
        });
        return stages;
    }

    private Optional<Regime.Stage> stage(YamlMapping stage) {
        Optional<String> id = RegimeReading.id(stage).filter(known -> {
            if (!stageIds.add(known)) {
                stage.problem(stage.nodeOf("id"), ComplianceRefusals.ID_TWICE, known);
                return false;
            }
            return true;
        });
        Optional<LocalizedText> name = stage.mapping("name").flatMap(RegimeReading::text);
        Optional<LocalizedText> recipient = stage.mapping("recipient").flatMap(RegimeReading::text);
        Optional<List<String>> opensOn = opensOn(stage);
        Optional<ClockRule> clock = stage.mapping("clock").flatMap(this::clock);
        Optional<List<String>> mandatory = mandatoryFields(stage);
        Optional<List<WarningThreshold>> warnings = clock.flatMap(rule -> warnings(stage, rule));
        if (id.isEmpty() || name.isEmpty() || recipient.isEmpty() || opensOn.isEmpty() || warnings.isEmpty()) {
            return Optional.empty();
        }
        return mandatory.map(fields -> new Regime.Stage(
                id.get(), name.get(), recipient.get(), opensOn.get(), clock.get(), fields, warnings.get()));
    }

    /** The stage's warning thresholds ({@code 50%}, {@code PT12H}, {@code P7D}); the clock's defaults when none. */
    private Optional<List<WarningThreshold>> warnings(YamlMapping stage, ClockRule clock) {
        Optional<List<Node>> items = stage.list("warnings", false);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            return Optional.of(WarningThreshold.defaults(clock));
        }
        List<WarningThreshold> thresholds = new ArrayList<>();
        boolean wellFormed = true;
        for (Node item : items.get()) {
            Optional<String> text = stage.item("warnings", item);
            Optional<WarningThreshold> threshold = text.flatMap(WarningThreshold::parse);
            if (text.isPresent() && threshold.isEmpty()) {
                stage.problem(item, ComplianceRefusals.BAD_VALUE, text.get(), "warning (50%, PT12H or P7D)");
            }
            wellFormed &= threshold.isPresent();
            threshold.ifPresent(thresholds::add);
        }
        return wellFormed ? Optional.of(thresholds) : Optional.empty();
    }

    private Optional<List<String>> opensOn(YamlMapping stage) {
        Optional<List<Node>> items = stage.list("opens-on", true);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (items.get().isEmpty()) {
            stage.problem(stage.nodeOf("opens-on"), ComplianceRefusals.EMPTY_LIST, stage.qualified("opens-on"));
            return Optional.empty();
        }
        List<String> opensOn = new ArrayList<>();
        boolean known = true;
        for (Node item : items.get()) {
            Optional<String> trigger = stage.item("opens-on", item).map(String::strip);
            if (trigger.isPresent() && !triggers.containsKey(trigger.get())) {
                stage.problem(item, ComplianceRefusals.UNKNOWN_TRIGGER, trigger.get());
            }
            known &= trigger.isPresent() && triggers.containsKey(trigger.get());
            trigger.ifPresent(opensOn::add);
        }
        used.addAll(opensOn);
        return known ? Optional.of(opensOn) : Optional.empty();
    }

    private Optional<ClockRule> clock(YamlMapping clock) {
        Optional<ClockRule> rule = ClockReading.read(clock);
        if (rule.isEmpty()) {
            // a clock that could not be read still counts from what it names: no trigger is reported unused for it
            clock.peek("fact").ifPresent(used::add);
            clock.peek("bound-fact").ifPresent(used::add);
            return rule;
        }
        boolean known = true;
        List<String> fields = List.of("fact", "bound-fact");
        for (int i = 0; i < rule.get().facts().size(); i++) {
            String fact = rule.get().facts().get(i);
            if (!facts.contains(fact)) {
                clock.problem(clock.nodeOf(fields.get(i)), ComplianceRefusals.UNKNOWN_FACT, fact);
                known = false;
            }
            used.add(fact);
        }
        return known ? rule : Optional.empty();
    }

    private Optional<List<String>> mandatoryFields(YamlMapping stage) {
        Optional<List<Node>> items = stage.list("mandatory-fields", true);
        List<String> fields = new ArrayList<>();
        boolean wellFormed = true;
        for (Node item : items.orElse(List.of())) {
            Optional<String> field = stage.item("mandatory-fields", item).map(String::strip);
            if (field.isPresent() && !RegimeId.wellFormed(field.get())) {
                stage.problem(item, ComplianceRefusals.BAD_ID, field.get());
            }
            wellFormed &= field.isPresent() && RegimeId.wellFormed(field.get());
            field.ifPresent(fields::add);
        }
        return items.isPresent() && wellFormed ? Optional.of(fields) : Optional.empty();
    }
}
