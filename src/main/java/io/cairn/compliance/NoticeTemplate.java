package io.cairn.compliance;

import io.cairn.shared.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The notice to a person whose data a breach concerns, written from the template of their language (English or
 * Dutch, {@code compliance.notice.mail.*}): the greeting, why they are told (GDPR Art. 34), and the Art. 34(2) content
 * in clear and plain language: the nature of the breach, its likely consequences, the measures taken or proposed, and
 * the contact point. The counts of Art. 33(3)(a) are not part of it.
 */
final class NoticeTemplate {

    /** The fields of a notice's text, in the order the mail shows them after its subject. */
    static final List<String> FIELDS = List.of("subject", "nature", "likely-consequences", "measures", "contact-point");

    /** The content fields, with the heading the mail gives each. */
    private static final List<String> SECTIONS = FIELDS.subList(1, FIELDS.size());

    /** A notice as one person receives it. */
    record Rendered(String subject, String body) {}

    private NoticeTemplate() {}

    /** The draft text of a language: the template's subject for the organisation, and the stage's records. */
    static Map<String, String> draft(
            Language language, String organisation, Map<String, String> records, MessageSource messages) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("subject", text(messages, language, "subject", organisation));
        for (String field : SECTIONS) {
            text.put(field, records.getOrDefault(field, ""));
        }
        return text;
    }

    /** The notice to a person of the language, by name, from the text of that language. */
    static Rendered render(
            Language language, String name, String organisation, Map<String, String> text, MessageSource messages) {
        StringBuilder body = new StringBuilder()
                .append(text(messages, language, "greeting", name))
                .append("\n\n")
                .append(text(messages, language, "intro", organisation))
                .append("\n");
        for (String field : SECTIONS) {
            body.append('\n')
                    .append(text(messages, language, field))
                    .append('\n')
                    .append(text.getOrDefault(field, "").strip())
                    .append('\n');
        }
        body.append('\n')
                .append(text(messages, language, "closing", organisation))
                .append('\n');
        return new Rendered(text.getOrDefault("subject", "").strip(), body.toString());
    }

    private static String text(MessageSource messages, Language language, String key, Object... arguments) {
        return messages.getMessage("compliance.notice.mail." + key, arguments, Locale.forLanguageTag(language.code()));
    }
}
