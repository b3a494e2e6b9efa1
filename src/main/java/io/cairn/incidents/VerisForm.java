package io.cairn.incidents;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The VERIS form of the incident page as a description: a category of actor or action is described when its box is
 * ticked or any of its values is chosen; a pair of attributes when any of its values is chosen. The form names its
 * fields after the parts ({@code action-hacking-variety}); the checks name the API's fields.
 */
final class VerisForm {

    /** A description read from the form, with the incident's version the form was made from. */
    record Read(VerisDescription description, long version) {}

    private VerisForm() {}

    static Outcome<Read> read(MultiValueMap<String, String> form, VerisVocabulary vocabulary) {
        String version = form.getFirst("version");
        String durationValue = blankToNull(form.getFirst("duration-value"));
        if (version == null || !version.matches("\\d{1,18}")) {
            return Outcome.refused(Refusal.invalid("version", SharedRefusals.REQUIRED));
        }
        if (durationValue != null && !durationValue.matches("\\d{1,18}")) {
            return Outcome.refused(Refusal.invalid(
                    "attributes.availability.duration.value",
                    SharedRefusals.OUT_OF_RANGE,
                    "0",
                    Long.toString(Long.MAX_VALUE)));
        }
        List<VerisDescription.Actor> actors = new ArrayList<>();
        vocabulary.actors().keySet().forEach(category -> {
            List<String> varieties = values(form, "actor-" + category + "-variety");
            List<String> motives = values(form, "actor-" + category + "-motive");
            if (ticked(form, "actor", category) || !varieties.isEmpty() || !motives.isEmpty()) {
                actors.add(new VerisDescription.Actor(category, varieties, motives));
            }
        });
        List<VerisDescription.Action> actions = new ArrayList<>();
        vocabulary.actions().keySet().forEach(category -> {
            List<String> varieties = values(form, "action-" + category + "-variety");
            List<String> vectors = values(form, "action-" + category + "-vector");
            if (ticked(form, "action", category) || !varieties.isEmpty() || !vectors.isEmpty()) {
                actions.add(new VerisDescription.Action(category, varieties, vectors));
            }
        });
        VerisDescription.Assets assets = new VerisDescription.Assets(
                values(form, "asset-variety"),
                blankToNull(form.getFirst("asset-ownership")),
                blankToNull(form.getFirst("asset-hosting")));
        return Outcome.done(new Read(
                new VerisDescription(actors, actions, assets, attributes(form, durationValue)),
                Long.parseLong(version)));
    }

    private static VerisDescription.Attributes attributes(
            MultiValueMap<String, String> form, @Nullable String durationValue) {
        String disclosure = blankToNull(form.getFirst("disclosure"));
        List<String> data = values(form, "data-variety");
        List<String> integrity = values(form, "integrity");
        List<String> availability = values(form, "availability");
        String unit = blankToNull(form.getFirst("duration-unit"));
        return new VerisDescription.Attributes(
                disclosure == null && data.isEmpty()
                        ? null
                        : new VerisDescription.Confidentiality(
                                disclosure == null ? "Unknown" : disclosure,
                                data.stream()
                                        .map(variety -> new VerisDescription.Data(variety, null))
                                        .toList()),
                integrity.isEmpty() ? null : new VerisDescription.Integrity(integrity),
                availability.isEmpty() && unit == null
                        ? null
                        : new VerisDescription.Availability(
                                availability,
                                unit == null
                                        ? null
                                        : new VerisDescription.Duration(
                                                unit, durationValue == null ? null : Long.parseLong(durationValue))));
    }

    /** The assets' varieties by category, in the vocabulary's order, for the form's groups of options. */
    static Map<String, List<String>> assetGroups(List<String> varieties) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        varieties.forEach(
                variety -> groups.computeIfAbsent(VerisVocabulary.assetCategory(variety), c -> new ArrayList<>())
                        .add(variety));
        return groups;
    }

    private static boolean ticked(MultiValueMap<String, String> form, String part, String category) {
        List<String> ticked = form.get(part);
        return ticked != null && ticked.contains(category);
    }

    private static List<String> values(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null
                ? List.of()
                : values.stream().filter(value -> !value.isBlank()).toList();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
