package io.cairn.incidents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ENISA Reference Security Incident Taxonomy, read from the MISP {@code rsit} machine tag file shipped in
 * {@code taxonomies/rsit} (CC0 or BSD-2-Clause, see {@code taxonomies/LICENSE.md}).
 */
@Component
class RsitTaxonomy {

    /** An RSIT class with its label and types. */
    record RsitClass(String value, String label, List<RsitType> types) {}

    /** An RSIT type with its label and description. */
    record RsitType(String value, String label, String description) {}

    private final Map<String, RsitClass> classes;

    RsitTaxonomy() {
        this.classes = read();
    }

    List<RsitClass> classes() {
        return List.copyOf(classes.values());
    }

    boolean contains(Category category) {
        return type(category).isPresent();
    }

    Optional<RsitType> type(Category category) {
        return Optional.ofNullable(classes.get(category.rsitClass()))
                .flatMap(c -> c.types().stream().filter(t -> t.value().equals(category.rsitType())).findFirst());
    }

    /** The category as people read it, for example "Fraud / Phishing". */
    String label(Category category) {
        RsitClass rsitClass = classes.get(category.rsitClass());
        return rsitClass == null ? category.rsitClass() + " / " + category.rsitType()
                : rsitClass.label() + " / " + type(category).map(RsitType::label).orElse(category.rsitType());
    }

    private static Map<String, RsitClass> read() {
        try (InputStream in = new ClassPathResource("taxonomies/rsit/machinetag.json").getInputStream()) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, List<RsitType>> typesByClass = new LinkedHashMap<>();
            for (JsonNode values : root.get("values")) {
                List<RsitType> types = new java.util.ArrayList<>();
                for (JsonNode entry : values.get("entry")) {
                    types.add(new RsitType(entry.get("value").asString(), entry.get("expanded").asString(),
                            entry.path("description").asString("")));
                }
                typesByClass.put(values.get("predicate").asString(), List.copyOf(types));
            }
            Map<String, RsitClass> classes = new LinkedHashMap<>();
            for (JsonNode predicate : root.get("predicates")) {
                String value = predicate.get("value").asString();
                classes.put(value, new RsitClass(value, predicate.get("expanded").asString(),
                        typesByClass.getOrDefault(value, List.of())));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException("the RSIT taxonomy is missing from the classpath", e);
        }
    }
}
