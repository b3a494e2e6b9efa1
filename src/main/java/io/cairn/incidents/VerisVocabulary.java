package io.cairn.incidents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values VERIS allows in each part of an A4 description, read from {@code veris/vocabulary.json} (the VERIS
 * Community schema's enumerations, see {@code veris/NOTICE}), and the action Cairn suggests for an RSIT category
 * (TAX-3: a suggestion, never written over what a handler recorded).
 */
@Component
class VerisVocabulary {

    /** The varieties of a category of actors or actions, and their motives or vectors. */
    record Kind(
            List<String> variety,
            @Nullable List<String> motive,
            @Nullable List<String> vector) {

        public List<String> motives() {
            return motive == null ? List.of() : motive;
        }

        public List<String> vectors() {
            return vector == null ? List.of() : vector;
        }
    }

    /** The assets' varieties, owners and hosting. */
    record AssetTerms(List<String> variety, List<String> ownership, List<String> hosting) {}

    /** The values of the three pairs of attributes. */
    record AttributeTerms(Confidentiality confidentiality, Varieties integrity, Availability availability) {}

    record Confidentiality(List<String> dataDisclosure, List<String> data) {}

    record Varieties(List<String> variety) {}

    record Availability(List<String> variety, List<String> unit) {}

    /** The action an RSIT class and type suggest: a category, and a variety when the type tells it. */
    record Suggestion(String category, @Nullable String variety) {}

    /** The whole vocabulary as the file holds it. */
    record Terms(
            String source,
            Map<String, Kind> actor,
            Map<String, Kind> action,
            AssetTerms asset,
            AttributeTerms attribute,
            Map<String, Suggestion> rsit) {}

    private final Terms terms;

    VerisVocabulary() {
        try (InputStream in = new ClassPathResource("veris/vocabulary.json").getInputStream()) {
            this.terms = JsonMapper.builder().build().readValue(in, Terms.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the VERIS vocabulary is missing from the classpath", e);
        }
    }

    /** The whole vocabulary, as the API serves it. */
    Terms terms() {
        return terms;
    }

    /** The categories of actors, in the vocabulary's order: external, internal, partner, unknown. */
    Map<String, Kind> actors() {
        return terms.actor();
    }

    /** The categories of actions, in the vocabulary's order, unknown last. */
    Map<String, Kind> actions() {
        return terms.action();
    }

    AssetTerms assets() {
        return terms.asset();
    }

    AttributeTerms attributes() {
        return terms.attribute();
    }

    /** The action an incident's RSIT category suggests, if it suggests one. */
    Optional<Suggestion> suggestedAction(Category category) {
        return Optional.ofNullable(terms.rsit().get(category.rsitClass() + "/" + category.rsitType()));
    }

    /**
     * The category of an asset's variety, from the letter VERIS puts before it: {@code S - Database} is a server's,
     * {@code U - Laptop} a user device's; {@code Unknown} and {@code Other} are their own.
     */
    static String assetCategory(String variety) {
        if (variety.length() < 4 || !variety.startsWith(" - ", 1)) {
            return variety.toLowerCase(java.util.Locale.ROOT);
        }
        return switch (variety.charAt(0)) {
            case 'S' -> "server";
            case 'N' -> "network";
            case 'U' -> "user-device";
            case 'M' -> "media";
            case 'P' -> "person";
            case 'T' -> "terminal";
            case 'E' -> "embedded";
            default -> "other";
        };
    }
}
