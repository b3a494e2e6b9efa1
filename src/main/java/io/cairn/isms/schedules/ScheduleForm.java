package io.cairn.isms.schedules;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The editor's form of a schedule: the fields of a {@link ScheduleDraft} (the start form's values as
 * {@code value.<key>}), and the preset with its weekday and day of the month, which fill in the rule when the person
 * asks for it.
 *
 * @param action what the person pressed: {@code save}, {@code preview} (show the next occurrences) or {@code preset}
 *     (fill in the rule of the preset, then preview)
 */
record ScheduleForm(ScheduleDraft draft, String action, PresetChoice preset) {

    /** The preset the person chose with its weekday and day of the month, as the editor shows it. */
    public record PresetChoice(SchedulePreset preset, DayOfWeek weekday, int dayOfMonth) {

        static PresetChoice of(String rule) {
            SchedulePreset.Recognised recognised = SchedulePreset.recognise(rule);
            return new PresetChoice(recognised.preset(), recognised.weekday(), recognised.dayOfMonth());
        }
    }

    static ScheduleForm read(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, given) -> {
            if (name.startsWith("value.") && !given.isEmpty()) {
                values.put(name.substring("value.".length()), given.get(0));
            }
        });
        ScheduleDraft draft = new ScheduleDraft(
                text(form, "name"),
                text(form, "procedureType"),
                text(form, "owner"),
                values,
                text(form, "recurrence"),
                text(form, "firstDay"),
                text(form, "time"),
                text(form, "zone"),
                text(form, "calendar"),
                text(form, "nonWorkingDay"));
        PresetChoice preset = new PresetChoice(
                SchedulePreset.ofCode(text(form, "preset")).orElse(SchedulePreset.CUSTOM),
                weekday(text(form, "presetWeekday")),
                dayOfMonth(text(form, "presetDay")));
        String action = text(form, "action");
        return new ScheduleForm(draft, action.isEmpty() ? "save" : action, preset);
    }

    /** The draft with the preset's rule filled in; the quarterly preset moves a day nobody works to the next one. */
    ScheduleDraft withPreset() {
        if (preset.preset() == SchedulePreset.CUSTOM) {
            return draft;
        }
        String rule = preset.preset().rule(preset.dayOfMonth(), preset.weekday());
        String policy = preset.preset() == SchedulePreset.QUARTERLY
                ? NonWorkingDay.NEXT_WORKING_DAY.code()
                : draft.nonWorkingDay();
        return new ScheduleDraft(
                draft.name(),
                draft.procedureType(),
                draft.owner(),
                draft.values(),
                rule,
                draft.firstDay(),
                draft.time(),
                draft.zone(),
                draft.calendar(),
                policy);
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        @Nullable String value = form.getFirst(name);
        return value == null ? "" : value.trim();
    }

    private static DayOfWeek weekday(String text) {
        try {
            return DayOfWeek.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return DayOfWeek.MONDAY;
        }
    }

    private static int dayOfMonth(String text) {
        try {
            return Math.max(1, Math.min(31, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
