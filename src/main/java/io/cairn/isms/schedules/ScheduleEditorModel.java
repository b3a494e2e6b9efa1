package io.cairn.isms.schedules;

import io.cairn.handling.sla.BusinessCalendars;
import io.cairn.isms.procedures.FormField;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the schedule editor shows besides the draft: the choices of its selects and the fields of the type's form. */
@Component
class ScheduleEditorModel {

    /** A choice of a select: its value and what the reader sees. */
    public record Choice(String value, String label) {}

    /** A field of the chosen type's start form, with the value the draft gives it. */
    public record ValueField(
            String key, String label, String kind, boolean required, List<String> options, String help, String value) {

        public ValueField {
            options = List.copyOf(options);
        }
    }

    private final BusinessCalendars calendars;

    ScheduleEditorModel(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    void addTo(Model model, ScheduleDraft draft, List<ProcedureTypeLookup.Type> types) {
        model.addAttribute(
                "typeChoices",
                types.stream()
                        .map(type -> new Choice(type.id().toString(), type.name()))
                        .toList());
        Optional<ProcedureTypeLookup.Type> chosen = types.stream()
                .filter(type -> type.id().toString().equals(draft.procedureType())
                        || type.definition().key().equals(draft.procedureType()))
                .findFirst();
        model.addAttribute(
                "chosenType", chosen.map(type -> type.id().toString()).orElse(""));
        model.addAttribute(
                "valueFields", chosen.map(type -> fields(type, draft.values())).orElse(List.of()));
        model.addAttribute(
                "calendarChoices",
                calendars.all().stream()
                        .map(calendar -> new Choice(calendar.id().toString(), calendar.name()))
                        .toList());
        model.addAttribute(
                "chosenCalendar",
                draft.calendar() == null
                        ? ""
                        : calendars
                                .find(draft.calendar())
                                .map(calendar -> calendar.id().toString())
                                .orElse(draft.calendar()));
        model.addAttribute(
                "presets",
                Arrays.stream(SchedulePreset.values()).map(SchedulePreset::code).toList());
        model.addAttribute(
                "weekdays",
                Arrays.stream(DayOfWeek.values())
                        .map(day -> new Choice(
                                day.name(), day.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale())))
                        .toList());
        model.addAttribute(
                "policies",
                Arrays.stream(NonWorkingDay.values()).map(NonWorkingDay::code).toList());
    }

    private static List<ValueField> fields(ProcedureTypeLookup.Type type, Map<String, String> values) {
        return type.shown().form().stream()
                .map(field -> new ValueField(
                        field.key(),
                        field.label(),
                        field.kind().code(),
                        field.required(),
                        field.options(),
                        help(field),
                        values.getOrDefault(field.key(), "")))
                .toList();
    }

    private static String help(FormField field) {
        return field.help() == null ? "" : field.help();
    }
}
