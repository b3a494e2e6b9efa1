package io.cairn.shared;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A language Cairn ships its texts in. Shipped content (categories, playbooks, articles, calendars) is shown in the
 * reader's language; what a person writes stays in the language they wrote it in.
 */
public enum Language {
    ENGLISH("en"),
    DUTCH("nl");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, such as {@code nl}. */
    public String code() {
        return code;
    }

    /** The language of the locale: Dutch for Dutch, English for any other. */
    public static Language of(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? DUTCH : ENGLISH;
    }

    /**
     * The reader's language: the locale of the current request (the {@code lang} switch, its cookie or the browser's
     * Accept-Language); English outside a request, so that work in the background never follows the server's locale.
     */
    public static Language current() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null ? null : context.getLocale();
        return locale == null ? ENGLISH : of(locale);
    }
}
