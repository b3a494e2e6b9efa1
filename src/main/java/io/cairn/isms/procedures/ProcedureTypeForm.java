package io.cairn.isms.procedures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The admins' form of a procedure type, both ways: the rows the editor shows (each form field, phase and step, then
 * empty rows for new ones) and the definition a posted form holds (rows left empty are left out; steps in the order of
 * the numbers the admin gave them). Lists are one per line, controls also separated by commas or spaces.
 */
final class ProcedureTypeForm {

    /** Empty rows the editor offers for new form fields, phases and steps. */
    static final int NEW_ROWS = 2;

    /** A form field as a row of the editor, its options one per line. */
    record FieldRow(FormField field, String options) {}

    /** A step as a row of the editor, its lists one per line. */
    record StepRow(ProcedureStep step, String articles, String fields, String controls) {}

    /** The editor's rows. */
    record Rows(List<FieldRow> form, List<ProcedureDefinition.Phase> phases, List<StepRow> steps) {}

    private ProcedureTypeForm() {}

    static ProcedureDefinition empty() {
        return new ProcedureDefinition("", "", "", List.of(), List.of(), List.of(), "P5D", null);
    }

    static Rows rows(ProcedureDefinition definition) {
        List<FieldRow> form = new ArrayList<>();
        definition.form().forEach(field -> form.add(new FieldRow(field, String.join("\n", field.options()))));
        List<ProcedureDefinition.Phase> phases = new ArrayList<>(definition.phases());
        List<StepRow> steps = new ArrayList<>();
        definition
                .steps()
                .forEach(step -> steps.add(new StepRow(
                        step,
                        String.join("\n", step.articles()),
                        String.join("\n", step.fields()),
                        String.join(", ", step.controls()))));
        for (int i = 0; i < NEW_ROWS; i++) {
            form.add(new FieldRow(new FormField("", "", FormField.Kind.TEXT, false, List.of(), null), ""));
            phases.add(new ProcedureDefinition.Phase("", ""));
            steps.add(new StepRow(
                    new ProcedureStep(
                            "",
                            "",
                            "",
                            ProcedureStep.Kind.TASK,
                            true,
                            null,
                            null,
                            "P1D",
                            null,
                            List.of(),
                            List.of(),
                            List.of()),
                    "",
                    "",
                    ""));
        }
        return new Rows(form, phases, steps);
    }

    /** The definition the posted form holds. */
    static ProcedureDefinition read(MultiValueMap<String, String> form) {
        return new ProcedureDefinition(
                value(form, "key"),
                value(form, "name"),
                value(form, "description"),
                fields(form),
                phases(form),
                steps(form),
                value(form, "due"),
                value(form, "dueFrom"));
    }

    private static List<FormField> fields(MultiValueMap<String, String> form) {
        List<FormField> fields = new ArrayList<>();
        for (int i = 0; form.containsKey("form[" + i + "].key"); i++) {
            String prefix = "form[" + i + "].";
            if (value(form, prefix + "key").isBlank()
                    && value(form, prefix + "label").isBlank()) {
                continue;
            }
            fields.add(new FormField(
                    value(form, prefix + "key"),
                    value(form, prefix + "label"),
                    kind(value(form, prefix + "kind")),
                    "true".equals(value(form, prefix + "required")),
                    lines(value(form, prefix + "options")),
                    value(form, prefix + "help")));
        }
        return fields;
    }

    private static List<ProcedureDefinition.Phase> phases(MultiValueMap<String, String> form) {
        List<ProcedureDefinition.Phase> phases = new ArrayList<>();
        for (int i = 0; form.containsKey("phases[" + i + "].key"); i++) {
            String key = value(form, "phases[" + i + "].key");
            String name = value(form, "phases[" + i + "].name");
            if (!key.isBlank() || !name.isBlank()) {
                phases.add(new ProcedureDefinition.Phase(key, name));
            }
        }
        return phases;
    }

    /** The steps of the rows that have a title, in the order of the numbers the admin gave them. */
    private static List<ProcedureStep> steps(MultiValueMap<String, String> form) {
        List<Map.Entry<Double, ProcedureStep>> ordered = new ArrayList<>();
        for (int i = 0; form.containsKey("steps[" + i + "].title"); i++) {
            String prefix = "steps[" + i + "].";
            if (value(form, prefix + "title").isBlank()) {
                continue;
            }
            ordered.add(Map.entry(place(value(form, prefix + "order"), i), step(form, prefix)));
        }
        // a stable sort: steps an admin gave the same number keep the order of the rows
        return ordered.stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    private static ProcedureStep step(MultiValueMap<String, String> form, String prefix) {
        ProcedureStep.Kind kind;
        try {
            kind = ProcedureStep.Kind.fromCode(value(form, prefix + "kind"));
        } catch (IllegalArgumentException e) {
            kind = ProcedureStep.Kind.TASK;
        }
        return new ProcedureStep(
                value(form, prefix + "phase"),
                value(form, prefix + "title"),
                value(form, prefix + "description"),
                kind,
                "true".equals(value(form, prefix + "mandatory")),
                value(form, prefix + "team"),
                value(form, prefix + "approver"),
                value(form, prefix + "due"),
                value(form, prefix + "dueFrom"),
                lines(value(form, prefix + "articles")),
                lines(value(form, prefix + "fields")),
                Arrays.asList(value(form, prefix + "controls").split("[\\s,;]+")));
    }

    private static FormField.Kind kind(String code) {
        try {
            return FormField.Kind.fromCode(code);
        } catch (IllegalArgumentException e) {
            return FormField.Kind.TEXT;
        }
    }

    private static double place(String order, int row) {
        try {
            return Double.parseDouble(order);
        } catch (NumberFormatException noPlaceGiven) {
            return row + 1;
        }
    }

    private static List<String> lines(String text) {
        return Arrays.asList(text.split("\\R"));
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value;
    }
}
