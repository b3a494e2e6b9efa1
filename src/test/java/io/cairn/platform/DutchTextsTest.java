package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Dutch text Cairn ships addresses the reader the same way: formally, with "u" and "uw", as a security team or
 * a government text does; never with "je", "jij", "jouw" or "jullie". And it keeps two things apart that share a word
 * in Dutch: the reports someone made ("Mijn meldingen") and the messages Cairn sends them ("Berichten"). The terms
 * that the page walk lets a Dutch page share with the English one ({@link PageWalkBrowserTest#DUTCH_TERMS}) are words
 * these texts really use.
 */
class DutchTextsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern INFORMAL = Pattern.compile(
            "(?<![\\p{L}\\p{N}_-])(je|jij|jou|jouw|jouwe|jullie|jezelf|jijzelf)(?![\\p{L}\\p{N}_-])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** One Dutch text and where it is shipped. */
    record Text(String where, String text) {}

    @Test
    void everyDutchTextSaysUAndNeverJe() throws IOException {
        List<Text> texts = dutchTexts();
        assertThat(texts).hasSizeGreaterThan(500);

        List<String> informal = new ArrayList<>();
        for (Text text : texts) {
            Matcher matcher = INFORMAL.matcher(text.text());
            while (matcher.find()) {
                informal.add(text.where() + ": '" + matcher.group() + "' in \"" + text.text() + "\"");
            }
        }
        assertThat(informal).as("Dutch texts that say 'je' instead of 'u'").isEmpty();
    }

    @Test
    void findsTheInformalWordsAndOnlyThose() {
        assertThat(INFORMAL.matcher("Heb je je wachtwoord?").find()).isTrue();
        assertThat(INFORMAL.matcher("Jouw melding").find()).isTrue();
        assertThat(INFORMAL.matcher("Meisje, jeugd, Jeroen en u-bocht: hebt u uw wachtwoord?")
                        .find())
                .isFalse();
    }

    /** The page walk lets a Dutch page show these terms as they are: each must be one a shipped Dutch text uses. */
    @Test
    void everyTermThePageWalkAllowsIsAWordOfAShippedDutchText() throws IOException {
        Set<String> words = new HashSet<>();
        for (Text text : dutchTexts()) {
            words.addAll(List.of(text.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        }
        assertThat(PageWalkBrowserTest.DUTCH_TERMS.stream()
                        .filter(term -> !words.contains(term))
                        .sorted())
                .as("terms the page walk allows that no Dutch text uses")
                .isEmpty();
    }

    @Test
    void myReportsAndTheInboxHaveDifferentDutchNames() throws IOException {
        Properties portal = bundle("portal_nl");
        Properties sla = bundle("sla_nl");

        assertThat(portal.getProperty("portal.my-reports")).isEqualTo("Mijn meldingen");
        assertThat(sla.getProperty("nav.notifications")).isEqualTo("Berichten");
        for (String key : sla.stringPropertyNames()) {
            if (key.startsWith("inbox.") || key.equals("nav.notifications")) {
                assertThat(sla.getProperty(key)).as(key).doesNotContainIgnoringCase("melding");
            }
        }
    }

    /** The Dutch texts of the bundles, the mail templates and the shipped content. */
    static List<Text> dutchTexts() throws IOException {
        List<Text> texts = new ArrayList<>();
        for (Path file : files(RESOURCES.resolve("i18n"), "_nl.properties")) {
            propertiesOf(file, texts);
        }
        propertiesOf(RESOURCES.resolve("incidents/rsit_nl.properties"), texts);
        for (Path file : files(RESOURCES.resolve("notification/templates"), ".nl.txt")) {
            texts.add(new Text(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        for (Path file : files(RESOURCES.resolve("knowledge/nl"), ".md")) {
            texts.add(new Text(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        for (String json : List.of(
                "intake/shipped-templates.json", "handling/shipped-playbooks.json", "isms/shipped-procedures.json")) {
            dutchIn(
                    JsonMapper.builder()
                            .build()
                            .readTree(RESOURCES.resolve(json).toFile()),
                    json,
                    false,
                    texts);
        }
        return texts;
    }

    /** The strings under an {@code nl} field, however deep. */
    private static void dutchIn(JsonNode node, String where, boolean dutch, List<Text> texts) {
        if (node.isString() && dutch) {
            texts.add(new Text(where, node.asString()));
        }
        for (var field : node.properties()) {
            dutchIn(
                    field.getValue(),
                    where + "." + field.getKey(),
                    dutch || field.getKey().equals("nl"),
                    texts);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                dutchIn(node.get(i), where + "[" + i + "]", dutch, texts);
            }
        }
    }

    private static void propertiesOf(Path file, List<Text> texts) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        for (String key : properties.stringPropertyNames()) {
            texts.add(new Text(file.getFileName() + ": " + key, properties.getProperty(key)));
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (var reader =
                Files.newBufferedReader(RESOURCES.resolve("i18n/" + name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
