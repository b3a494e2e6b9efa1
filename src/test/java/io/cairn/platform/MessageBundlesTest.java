package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The English and Dutch texts: the same keys, readable formats, and every key a page asks for. */
class MessageBundlesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
    /** A literal message key in a template: {@code #{list.title}}, not one built with {@code __${...}__}. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9._-]+)(?=[}(])");
    /** A literal key the Java code resolves. */
    private static final Pattern CODE_KEY =
            Pattern.compile("(?:getMessage|message)\\(\"([a-z][A-Za-z0-9._-]+)\"(?=\\s*[,)])");

    /**
     * The bundles of spring.messages.basename: the handler UI's, the report portal's, and one per module whose pages
     * have many texts of their own.
     */
    private static final Set<String> BUNDLES = Set.of(
            "messages",
            "portal",
            "sla",
            "procedures",
            "knowledge",
            "audit",
            "federation",
            "trace",
            "compliance",
            "risks",
            "isms");

    @Test
    void englishAndDutchHaveTheSameKeys() throws IOException {
        for (String name : BUNDLES) {
            assertThat(bundle(name + "_nl").stringPropertyNames())
                    .as(name)
                    .containsExactlyInAnyOrderElementsOf(bundle(name).stringPropertyNames());
        }
    }

    @Test
    void everyKeyIsADottedNameSoThatNoMergeLeftoverHidesAsAKey() throws IOException {
        for (String name : BUNDLES.stream()
                .flatMap(bundle -> Stream.of(bundle, bundle + "_nl"))
                .toList()) {
            assertThat(bundle(name).stringPropertyNames())
                    .as(name)
                    .allMatch(key -> key.matches("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*"));
        }
    }

    @Test
    void everyTextWithArgumentsIsAValidMessageFormat() throws IOException {
        for (String name : BUNDLES.stream()
                .flatMap(bundle -> Stream.of(bundle, bundle + "_nl"))
                .toList()) {
            Properties texts = bundle(name);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.contains("{0") || text.contains("{1") || text.contains("{2")) {
                    String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {3, 20, 0});
                    assertThat(formatted).as(name + ": " + key).doesNotContain("{");
                } else {
                    assertThat(text)
                            .as(name + ": " + key + " has no arguments, so write ' once")
                            .doesNotContain("''");
                }
            }
        }
    }

    @Test
    void everyKeyThatPagesAndControllersUseExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String name : BUNDLES) {
            known.addAll(bundle(name).stringPropertyNames());
        }
        Set<String> used = new TreeSet<>();
        used.addAll(keysIn(TEMPLATES, TEMPLATE_KEY));
        used.addAll(keysIn(SOURCES, CODE_KEY));

        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    private static Set<String> keysIn(Path root, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties bundle(String name) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
