package io.cairn.isms.procedures;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a procedure type says: the form a run starts from, its phases in order, the steps of each phase, and when a run
 * is due. A security review, an access request for a secure zone, a penetration test, a patching round and an
 * off-boarding are procedure types; admins define their own.
 *
 * @param key a stable name in lower case with dashes, such as {@code offboarding}
 * @param form the fields a person fills in to start a run, in order
 * @param phases the phases a run goes through, in order; a phase is left only when its mandatory steps are done
 * @param steps the steps, in order within each phase
 * @param due how long after {@code dueFrom} a run is due, as an ISO-8601 duration such as {@code P5D}
 * @param dueFrom the date field of the form the run's due time counts from; empty for the run's start
 */
public record ProcedureDefinition(
        String key,
        String name,
        @Nullable String description,
        List<FormField> form,
        List<Phase> phases,
        List<ProcedureStep> steps,
        String due,
        @Nullable String dueFrom) {

    public ProcedureDefinition {
        key = key == null ? "" : key.trim();
        name = name == null ? "" : name.trim();
        description = description == null ? "" : description.trim();
        form = form == null ? List.of() : List.copyOf(form);
        phases = phases == null ? List.of() : List.copyOf(phases);
        steps = steps == null ? List.of() : List.copyOf(steps);
        due = due == null || due.isBlank() ? "" : due.trim();
        dueFrom = dueFrom == null || dueFrom.isBlank() ? null : dueFrom.trim();
    }

    /** The run's due offset, if the text is an ISO-8601 duration. */
    public Optional<Duration> dueOffset() {
        return Durations.parse(due);
    }

    /** The form field of this key, if the form has it. */
    public Optional<FormField> field(String fieldKey) {
        return form.stream().filter(field -> field.key().equals(fieldKey)).findFirst();
    }

    /** The Annex A controls its steps evidence, each once, in the order of the standard. */
    public List<String> evidencedControls() {
        return AnnexAControls.all().stream()
                .map(AnnexAControls.Control::number)
                .filter(number ->
                        steps.stream().anyMatch(step -> step.controls().contains(number)))
                .toList();
    }

    /** The same definition under another key: a revision keeps the key the type was added with. */
    ProcedureDefinition withKey(String otherKey) {
        return new ProcedureDefinition(otherKey, name, description, form, phases, steps, due, dueFrom);
    }

    /** The same definition with other steps (team names resolved to ids). */
    ProcedureDefinition withSteps(List<ProcedureStep> otherSteps) {
        return new ProcedureDefinition(key, name, description, form, phases, otherSteps, due, dueFrom);
    }

    /** A phase of the procedure. */
    public record Phase(String key, String name) {

        public Phase {
            key = key == null ? "" : key.trim();
            name = name == null ? "" : name.trim();
        }
    }

    /** ISO-8601 durations as procedure types write them. */
    static final class Durations {

        private Durations() {}

        static Optional<Duration> parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Duration.parse(text.trim()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }
}
