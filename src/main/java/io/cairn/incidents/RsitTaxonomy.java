package io.cairn.incidents;

import io.cairn.shared.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ENISA Reference Security Incident Taxonomy, read from the MISP {@code rsit} machine tag file shipped in
 * {@code taxonomies/rsit} (CC0 or BSD-2-Clause, see {@code taxonomies/LICENSE.md}), with Cairn's own Dutch names and
 * descriptions from {@code incidents/rsit_nl.properties}.
 */
@Component
class RsitTaxonomy {

    /** A name or description in English (the MISP file's) and in Dutch (Cairn's). */
    record Text(String en, String nl) {

        String in(Language language) {
            return language == Language.DUTCH ? nl : en;
        }
    }

    /** An RSIT class with its name and types. */
    record RsitClass(String value, Text label, List<RsitType> types) {}

    /** An RSIT type with its name and description. */
    record RsitType(String value, Text label, Text description) {}

    private final Map<String, RsitClass> classes;

    RsitTaxonomy() {
        this.classes = read(dutch());
    }

    List<RsitClass> classes() {
        return List.copyOf(classes.values());
    }

    boolean contains(Category category) {
        return type(category).isPresent();
    }

    Optional<RsitType> type(Category category) {
        return Optional.ofNullable(classes.get(category.rsitClass()))
                .flatMap(c -> c.types().stream()
                        .filter(t -> t.value().equals(category.rsitType()))
                        .findFirst());
    }

    /** The category as people read it in the reader's language, for example "Fraud / Phishing". */
    String label(Category category) {
        Language language = Language.current();
        RsitClass rsitClass = classes.get(category.rsitClass());
        return rsitClass == null
                ? category.rsitClass() + " / " + category.rsitType()
                : rsitClass.label().in(language) + " / "
                        + type(category).map(t -> t.label().in(language)).orElse(category.rsitType());
    }

    private static Map<String, RsitClass> read(Properties dutch) {
        try (InputStream in = new ClassPathResource("taxonomies/rsit/machinetag.json").getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, List<RsitType>> typesByClass = new LinkedHashMap<>();
            for (JsonNode values : root.get("values")) {
                String classValue = values.get("predicate").asString();
                List<RsitType> types = new ArrayList<>();
                for (JsonNode entry : values.get("entry")) {
                    String key = classValue + "." + entry.get("value").asString();
                    types.add(new RsitType(
                            entry.get("value").asString(),
                            new Text(entry.get("expanded").asString(), dutch(dutch, key)),
                            new Text(entry.path("description").asString(""), dutch(dutch, key + ".description"))));
                }
                typesByClass.put(classValue, List.copyOf(types));
            }
            Map<String, RsitClass> classes = new LinkedHashMap<>();
            for (JsonNode predicate : root.get("predicates")) {
                String value = predicate.get("value").asString();
                classes.put(
                        value,
                        new RsitClass(
                                value,
                                new Text(predicate.get("expanded").asString(), dutch(dutch, value)),
                                typesByClass.getOrDefault(value, List.of())));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException("the RSIT taxonomy is missing from the classpath", e);
        }
    }

    /** The Dutch text of a key; a missing one fails the start (a test keeps every key there). */
    private static String dutch(Properties dutch, String key) {
        String text = dutch.getProperty(key);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("incidents/rsit_nl.properties has no Dutch text for " + key);
        }
        return text.strip();
    }

    private static Properties dutch() {
        Properties texts = new Properties();
        try (InputStream in = new ClassPathResource("incidents/rsit_nl.properties").getInputStream()) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("the Dutch RSIT names are missing from the classpath", e);
        }
    }
}
