package io.cairn.isms.procedures;

import io.cairn.shared.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The 93 controls of ISO/IEC 27001:2022 Annex A by number and short title in English and Dutch, read once from
 * {@code isms/annex-a-controls.tsv}: what a procedure step names as the control it evidences.
 */
final class AnnexAControls {

    /** A control: its number such as {@code 5.18} and its title in each language. */
    record Control(String number, String english, String dutch) {

        /** The title in the reader's language. */
        String title() {
            return Language.current() == Language.DUTCH ? dutch : english;
        }
    }

    private static final Map<String, Control> CONTROLS = load();

    private AnnexAControls() {}

    /** Every control, in the standard's order. */
    static List<Control> all() {
        return List.copyOf(CONTROLS.values());
    }

    /** The control of this number, such as {@code 8.8}; a leading {@code A.} is allowed. */
    static Optional<Control> find(String number) {
        String bare = number.trim();
        if (bare.startsWith("A.") || bare.startsWith("a.")) {
            bare = bare.substring(2);
        }
        return Optional.ofNullable(CONTROLS.get(bare));
    }

    private static Map<String, Control> load() {
        Map<String, Control> controls = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(AnnexAControls.class.getResourceAsStream("/isms/annex-a-controls.tsv")),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                controls.put(columns[0], new Control(columns[0], columns[1], columns[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(controls);
    }
}
