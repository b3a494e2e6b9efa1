package io.cairn.compliance;

import io.cairn.shared.Language;

/**
 * A text that a regime ships in English and in Dutch, such as a stage's name.
 *
 * @param en the English text
 * @param nl the Dutch text
 */
public record LocalizedText(String en, String nl) {

    public LocalizedText {
        if (en.isBlank() || nl.isBlank()) {
            throw new IllegalArgumentException("a regime's text needs English and Dutch");
        }
    }

    /** The text in the given language. */
    public String in(Language language) {
        return language == Language.DUTCH ? nl : en;
    }

    /** The text in the reader's language. */
    public String current() {
        return in(Language.current());
    }
}
