package io.cairn.incidents;

import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * What is wrong with a VERIS description, the first problem with the field that has it ({@code actions[1].vectors[0]}):
 * a category or value outside VERIS's vocabulary, a category or value named twice, an amount below zero, a number of
 * a duration without a unit of time.
 */
final class VerisChecks {

    /** The units of an availability duration that are not a time, and so have no number. */
    private static final Set<String> NOT_A_TIME = Set.of("Never", "NA", "Unknown");

    /** The terms of no category, which no value fits. */
    private static final VerisVocabulary.Kind NOTHING = new VerisVocabulary.Kind(List.of(), null, null);

    private final VerisVocabulary vocabulary;

    VerisChecks(VerisVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    Optional<Refusal> problem(VerisDescription description) {
        return firstOf(Stream.of(
                () -> actors(description.actors()),
                () -> actions(description.actions()),
                () -> assets(description.assets()),
                () -> attributes(description.attributes())));
    }

    private Optional<Refusal> actors(List<VerisDescription.Actor> actors) {
        return categorised(
                actors,
                "actors",
                VerisDescription.Actor::category,
                vocabulary.actors(),
                (actor, kind, at) -> firstOf(Stream.of(
                        () -> values(actor.varieties(), kind.variety(), at + ".varieties"),
                        () -> values(actor.motives(), kind.motives(), at + ".motives"))));
    }

    private Optional<Refusal> actions(List<VerisDescription.Action> actions) {
        return categorised(
                actions,
                "actions",
                VerisDescription.Action::category,
                vocabulary.actions(),
                (action, kind, at) -> firstOf(Stream.of(
                        () -> values(action.varieties(), kind.variety(), at + ".varieties"),
                        () -> values(action.vectors(), kind.vectors(), at + ".vectors"))));
    }

    private Optional<Refusal> assets(VerisDescription.Assets assets) {
        VerisVocabulary.AssetTerms terms = vocabulary.assets();
        return firstOf(Stream.of(
                () -> values(assets.varieties(), terms.variety(), "assets.varieties"),
                () -> value(assets.ownership(), terms.ownership(), "assets.ownership"),
                () -> value(assets.hosting(), terms.hosting(), "assets.hosting")));
    }

    private Optional<Refusal> attributes(VerisDescription.Attributes attributes) {
        VerisVocabulary.AttributeTerms terms = vocabulary.attributes();
        VerisDescription.Confidentiality confidentiality = attributes.confidentiality();
        VerisDescription.Integrity integrity = attributes.integrity();
        VerisDescription.Availability availability = attributes.availability();
        return firstOf(Stream.of(
                () -> confidentiality == null
                        ? Optional.empty()
                        : confidentiality(confidentiality, terms.confidentiality()),
                () -> integrity == null
                        ? Optional.empty()
                        : values(integrity.varieties(), terms.integrity().variety(), "attributes.integrity.varieties"),
                () -> availability == null ? Optional.empty() : availability(availability, terms.availability())));
    }

    private Optional<Refusal> confidentiality(
            VerisDescription.Confidentiality confidentiality, VerisVocabulary.Confidentiality terms) {
        String at = "attributes.confidentiality";
        Optional<Refusal> disclosure =
                required(confidentiality.dataDisclosure(), terms.dataDisclosure(), at + ".dataDisclosure");
        if (disclosure.isPresent()) {
            return disclosure;
        }
        Optional<Refusal> varieties = values(
                confidentiality.data().stream()
                        .map(VerisDescription.Data::variety)
                        .toList(),
                terms.data(),
                at + ".data",
                ".variety");
        if (varieties.isPresent()) {
            return varieties;
        }
        for (int i = 0; i < confidentiality.data().size(); i++) {
            Optional<Refusal> amount = amount(confidentiality.data().get(i).amount(), at + ".data[" + i + "].amount");
            if (amount.isPresent()) {
                return amount;
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> availability(
            VerisDescription.Availability availability, VerisVocabulary.Availability terms) {
        String at = "attributes.availability";
        Optional<Refusal> varieties = values(availability.varieties(), terms.variety(), at + ".varieties");
        VerisDescription.Duration duration = availability.duration();
        if (varieties.isPresent() || duration == null) {
            return varieties;
        }
        Optional<Refusal> unit = required(duration.unit(), terms.unit(), at + ".duration.unit");
        if (unit.isPresent()) {
            return unit;
        }
        if (duration.value() != null && NOT_A_TIME.contains(duration.unit())) {
            return Optional.of(
                    Refusal.invalid(at + ".duration.value", IncidentRefusals.VERIS_DURATION_NUMBER, duration.unit()));
        }
        return amount(duration.value(), at + ".duration.value");
    }

    /** The check of one categorised element: the element, its category's terms, and where it is. */
    @FunctionalInterface
    private interface ElementCheck<T> {
        Optional<Refusal> problem(T element, VerisVocabulary.Kind kind, String at);
    }

    /** Elements with a category each: a known category, each once, and the element's own values. */
    private static <T> Optional<Refusal> categorised(
            List<T> elements,
            String field,
            Function<T, @Nullable String> category,
            Map<String, VerisVocabulary.Kind> kinds,
            ElementCheck<T> check) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            String at = field + "[" + i + "]";
            String named = category.apply(elements.get(i));
            Optional<Refusal> known = required(named, kinds.keySet(), at + ".category");
            if (known.isPresent() || named == null) {
                return known;
            }
            if (!seen.add(named)) {
                return Optional.of(Refusal.invalid(at + ".category", IncidentRefusals.VERIS_TWICE, named));
            }
            Optional<Refusal> own = check.problem(elements.get(i), kinds.getOrDefault(named, NOTHING), at);
            if (own.isPresent()) {
                return own;
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> values(List<String> values, Collection<String> allowed, String field) {
        return values(values, allowed, field, "");
    }

    /** Values each in the vocabulary and each once; {@code suffix} names the value inside each element. */
    private static Optional<Refusal> values(
            List<String> values, Collection<String> allowed, String field, String suffix) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String at = field + "[" + i + "]" + suffix;
            Optional<Refusal> known = required(values.get(i), allowed, at);
            if (known.isPresent()) {
                return known;
            }
            if (!seen.add(values.get(i))) {
                return Optional.of(Refusal.invalid(at, IncidentRefusals.VERIS_TWICE, values.get(i)));
            }
        }
        return Optional.empty();
    }

    /** A value that may be absent, else in the vocabulary. */
    private static Optional<Refusal> value(@Nullable String value, Collection<String> allowed, String field) {
        return value == null ? Optional.empty() : required(value, allowed, field);
    }

    private static Optional<Refusal> required(@Nullable String value, Collection<String> allowed, String field) {
        if (value == null) {
            return Optional.of(Refusal.invalid(field, SharedRefusals.REQUIRED));
        }
        if (allowed.isEmpty()) {
            return Optional.of(Refusal.invalid(field, IncidentRefusals.VERIS_NO_VALUES));
        }
        return allowed.contains(value)
                ? Optional.empty()
                : Optional.of(Refusal.invalid(field, SharedRefusals.MUST_BE_ONE_OF, String.join(", ", allowed)));
    }

    private static Optional<Refusal> amount(@Nullable Long amount, String field) {
        return amount == null || amount >= 0
                ? Optional.empty()
                : Optional.of(Refusal.invalid(field, SharedRefusals.OUT_OF_RANGE, "0", Long.toString(Long.MAX_VALUE)));
    }

    /** The first problem of the checks, run in order until one finds one. */
    private static Optional<Refusal> firstOf(Stream<java.util.function.Supplier<Optional<Refusal>>> checks) {
        return checks.map(java.util.function.Supplier::get)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
