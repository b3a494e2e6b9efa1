package io.cairn.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The texts of notifications, one Thymeleaf text template per message and language in
 * {@code notification/templates/NAME.LANGUAGE.txt}; English and Dutch ship. A template's first line is
 * {@code Subject: ...}, then an empty line, then the body.
 */
@Component
class MessageTemplates {

    /** The languages templates are written in; any other language gets English. */
    static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "nl");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MessageTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("notification/templates/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        engine.setTemplateResolver(resolver);
    }

    /** A rendered message: subject and body. */
    record Rendered(String subject, String body) {}

    Rendered render(String template, String language, Map<String, Object> parameters) {
        if (!template.matches("[a-z][a-z0-9-]{0,60}")) {
            throw new IllegalArgumentException("'" + template + "' is not a template name");
        }
        String lang = LANGUAGES.contains(language) ? language : "en";
        String text = engine.process(template + "." + lang, new Context(Locale.forLanguageTag(lang), parameters))
                .replace("\r\n", "\n");
        if (!text.startsWith("Subject: ") || !text.contains("\n\n")) {
            throw new IllegalStateException(
                    "template " + template + "." + lang + " must start with a 'Subject: ' line and an empty line");
        }
        int end = text.indexOf('\n');
        return new Rendered(
                text.substring("Subject: ".length(), end).strip(),
                text.substring(end + 1).strip() + "\n");
    }
}
