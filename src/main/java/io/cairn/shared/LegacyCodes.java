package io.cairn.shared;

import java.util.Locale;

/**
 * The message codes that refusals without a {@link Refusal.Reason} take from their English text: the text in lower
 * case, words joined by dashes ({@code must-be-at-least-0-characters}).
 *
 * @deprecated handling and intake are the last modules whose refusals have no reasons; this goes when they have them
 */
@Deprecated(forRemoval = true)
final class LegacyCodes {

    private static final int MAX_LENGTH = 120;

    private LegacyCodes() {}

    static String of(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH) : slug;
    }
}
