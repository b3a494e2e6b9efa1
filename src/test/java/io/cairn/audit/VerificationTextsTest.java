package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every problem verification names reads in English and Dutch, with the same variable parts; every kind has a label. */
class VerificationTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void everyProblemTextReadsInEnglishAndDutchWithTheSamePlaceholders() throws IOException {
        for (String bundle : new String[] {"i18n/audit.properties", "i18n/audit_nl.properties"}) {
            Properties texts = bundle(bundle);
            for (Verification.Text text : Verification.Text.values()) {
                String key = "audit.problem.text." + text.key;
                assertThat(texts.getProperty(key)).as(bundle + ": " + key).isNotBlank();
                assertThat(placeholders(texts.getProperty(key)))
                        .as(bundle + ": " + key)
                        .isEqualTo(placeholders(text.template));
            }
        }
    }

    @Test
    void everyKindHasALabelInBothLanguages() throws IOException {
        Properties english = bundle("i18n/messages.properties");
        english.putAll(bundle("i18n/audit.properties"));
        Properties dutch = bundle("i18n/messages_nl.properties");
        dutch.putAll(bundle("i18n/audit_nl.properties"));
        for (Verification.Kind kind : Verification.Kind.values()) {
            assertThat(english.getProperty("audit.problem." + kind.name()))
                    .as(kind.name())
                    .isNotBlank();
            assertThat(dutch.getProperty("audit.problem." + kind.name()))
                    .as(kind.name())
                    .isNotBlank();
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VerificationTextsTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
