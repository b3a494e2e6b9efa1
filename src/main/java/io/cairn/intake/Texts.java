package io.cairn.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/** A text in every language Cairn ships: English and Dutch. */
record Texts(
        @NotBlank @Size(max = 2_000) String en,
        @NotBlank @Size(max = 2_000) String nl) {

    /** The text in the language of the locale; English for any language but Dutch. */
    public String in(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? nl : en;
    }
}
