package io.cairn.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every reason a refusal may give has a Dutch text, and every Dutch refusal text belongs to a reason: the reasons are
 * the enums of {@code io.cairn} that implement {@link Refusal.Reason}, the texts the {@code refusal.*} keys of the
 * Dutch bundles.
 */
class RefusalTextsTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    /** The text every page shows for a stale refusal, whatever its reason (see {@link RefusalErrors}). */
    private static final String STALE_PAGE_TEXT = "refusal.stale";

    private static List<Refusal.Reason> reasons = List.of();
    private static Map<String, String> dutch = Map.of();

    @BeforeAll
    static void readReasonsAndTexts() throws IOException {
        List<Refusal.Reason> found = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.cairn")) {
            if (type.isEnum() && type.isAssignableTo(Refusal.Reason.class)) {
                found.addAll(Arrays.asList((Refusal.Reason[]) type.reflect().getEnumConstants()));
            }
        }
        reasons = found;
        dutch = refusalTexts("_nl.properties");
    }

    @Test
    void findsTheReasonsOfEveryModule() {
        assertThat(reasons).contains(SharedRefusals.NOT_FOUND).hasSizeGreaterThan(SharedRefusals.values().length);
    }

    @Test
    void everyReasonHasADutchText() {
        assertThat(reasons.stream()
                        .map(RefusalErrors::codeOf)
                        .filter(key -> !dutch.containsKey(key))
                        .sorted())
                .as("reasons without a Dutch text")
                .isEmpty();
    }

    @Test
    void everyDutchRefusalTextHasAReason() {
        Set<String> keys = new TreeSet<>(dutch.keySet());
        reasons.stream().map(RefusalErrors::codeOf).forEach(keys::remove);
        keys.remove(STALE_PAGE_TEXT);
        assertThat(keys).as("Dutch refusal texts without a reason").isEmpty();
    }

    @Test
    void everyDutchTextHasThePlaceholdersOfItsEnglishTemplate() {
        List<String> differing = new ArrayList<>();
        for (Refusal.Reason reason : reasons) {
            String text = dutch.get(RefusalErrors.codeOf(reason));
            if (text != null && !placeholders(text).equals(placeholders(reason.template()))) {
                differing.add(reason.code() + ": " + reason.template() + " / " + text);
            }
        }
        assertThat(differing)
                .as("Dutch texts whose placeholders differ from the English")
                .isEmpty();
    }

    @Test
    void noTwoReasonsShareACode() {
        Map<String, List<Refusal.Reason>> byCode = new HashMap<>();
        reasons.forEach(reason ->
                byCode.computeIfAbsent(reason.code(), code -> new ArrayList<>()).add(reason));
        assertThat(byCode.values().stream().filter(same -> same.size() > 1).map(Object::toString))
                .as("codes of more than one reason")
                .isEmpty();
    }

    /** A page's own English wording is of a reason and places the same arguments as its template. */
    @Test
    void everyEnglishPageWordingIsOfAReasonWithItsPlaceholders() throws IOException {
        Map<String, String> english = refusalTexts("refusals.properties");
        List<String> wrong = new ArrayList<>();
        english.forEach((key, text) -> reasons.stream()
                .filter(reason -> RefusalErrors.codeOf(reason).equals(key))
                .findFirst()
                .ifPresentOrElse(
                        reason -> {
                            if (!placeholders(text).equals(placeholders(reason.template()))) {
                                wrong.add(key + ": placeholders differ");
                            }
                        },
                        () -> wrong.add(key + ": no reason")));
        assertThat(wrong).isEmpty();
    }

    /** The templates and texts read as message formats where they have placeholders, and as they are elsewhere. */
    @Test
    void everyTemplateAndTextIsAValidMessageFormat() throws IOException {
        List<String> texts =
                new ArrayList<>(reasons.stream().map(Refusal.Reason::template).toList());
        texts.addAll(refusalTexts("refusals_nl.properties").values());
        texts.addAll(refusalTexts("refusals.properties").values());
        for (String text : texts) {
            if (placeholders(text).isEmpty()) {
                assertThat(text).as("without arguments, write ' once").doesNotContain("''");
            } else {
                assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {"a", "b", "c"}))
                        .as(text)
                        .doesNotContain("{");
            }
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

    /** The {@code refusal.*} texts of the bundle files whose names end so. */
    private static Map<String, String> refusalTexts(String ending) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(ending))
                    .toList()) {
                Properties properties = new Properties();
                try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                properties.stringPropertyNames().stream()
                        .filter(key -> key.startsWith("refusal."))
                        .forEach(key -> texts.put(key, properties.getProperty(key)));
            }
        }
        return texts;
    }
}
