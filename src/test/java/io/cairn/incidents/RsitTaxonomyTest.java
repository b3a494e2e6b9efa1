package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Language;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The RSIT categories in both languages: every class and type has a Dutch name and description, and no more. */
class RsitTaxonomyTest {

    private final RsitTaxonomy taxonomy = new RsitTaxonomy();

    @Test
    void everyClassAndTypeHasADutchNameAndDescription() {
        for (RsitTaxonomy.RsitClass rsitClass : taxonomy.classes()) {
            assertThat(rsitClass.label().nl()).as(rsitClass.value()).isNotBlank();
            for (RsitTaxonomy.RsitType type : rsitClass.types()) {
                String key = rsitClass.value() + "/" + type.value();
                assertThat(type.label().nl()).as(key).isNotBlank();
                assertThat(type.description().nl()).as(key + " description").isNotBlank();
                assertThat(type.description().en()).as(key + " description").isNotBlank();
            }
        }
    }

    @Test
    void theDutchNamesNameNothingTheTaxonomyDoesNotHave() throws Exception {
        Set<String> known = new HashSet<>();
        for (RsitTaxonomy.RsitClass rsitClass : taxonomy.classes()) {
            known.add(rsitClass.value());
            for (RsitTaxonomy.RsitType type : rsitClass.types()) {
                known.add(rsitClass.value() + "." + type.value());
                known.add(rsitClass.value() + "." + type.value() + ".description");
            }
        }
        Properties dutch = new Properties();
        try (var in = new ClassPathResource("incidents/rsit_nl.properties").getInputStream()) {
            dutch.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        assertThat(known).containsAll(dutch.stringPropertyNames());
    }

    @Test
    void namesACategoryInTheReadersLanguage() {
        Category phishing = new Category("fraud", "phishing");
        Category leak = new Category("information-content-security", "data-leak");

        assertThat(taxonomy.label(phishing)).isEqualTo("Fraud / Phishing");
        assertThat(inDutch(() -> taxonomy.label(phishing))).isEqualTo("Fraude / Phishing");
        assertThat(inDutch(() -> taxonomy.label(leak)))
                .isEqualTo("Beveiliging van informatie / Lek van vertrouwelijke informatie");
        assertThat(inDutch(Language::current)).isEqualTo(Language.DUTCH);
        assertThat(Language.current()).isEqualTo(Language.ENGLISH);
    }

    private static <T> T inDutch(java.util.function.Supplier<T> read) {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("nl-NL"));
        try {
            return read.get();
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
