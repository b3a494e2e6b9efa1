package io.cairn.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * Puts a refusal into a web form's errors, so that each problem shows next to the field it is about.
 *
 * <p>The message codes are made from the refusal's English text ({@code refusal.must-be-at-least-12-characters}),
 * the way gettext keys a catalogue by its source text: a message bundle translates the texts it knows, and any other
 * refusal shows as the module wrote it. A text with variable parts is keyed by its template
 * ({@code refusal.must-be-at-least-0-characters}) and its arguments go along, so that a bundle can place them
 * ({@code moet minstens {0} tekens lang zijn}). A stale version is {@code refusal.stale} whatever the text. Pages
 * show every text in sentence case; the API gives the rule's own words.
 */
public final class RefusalErrors {

    private static final int MAX_CODE_LENGTH = 120;

    private RefusalErrors() {}

    /**
     * Rejects each field problem of the refusal on its field when the form has that field, and as an error of the
     * whole form otherwise; a refusal without field problems becomes an error of the whole form.
     */
    public static void reject(Refusal refusal, Errors errors) {
        if (refusal.kind() == Refusal.Kind.STALE) {
            errors.reject("refusal.stale", refusal.message());
            return;
        }
        if (refusal.fields().isEmpty()) {
            errors.reject(codeOf(refusal.template()), argumentsOf(refusal.arguments()), sentence(refusal.template()));
            return;
        }
        for (Refusal.FieldProblem problem : refusal.fields()) {
            String code = codeOf(problem.template());
            Object[] arguments = argumentsOf(problem.arguments());
            if (hasField(errors, problem.field())) {
                errors.rejectValue(problem.field(), code, arguments, sentence(problem.template()));
            } else {
                errors.reject(code, arguments, sentence(problem.field() + ": " + problem.template()));
            }
        }
    }

    /**
     * Each problem of the refusal in the reader's language, by field, for pages that show problems from a map rather
     * than from a form's errors: a refusal without field problems is under {@code form}, the key of each field is
     * what {@code key} makes of it, and problems of one key are joined by semicolons. A stale write is {@code
     * refusal.stale} under {@code form}, as in {@link #reject}.
     */
    public static Map<String, String> byField(Refusal refusal, MessageSource messages, Locale locale,
            UnaryOperator<String> key) {
        Map<String, String> byField = new LinkedHashMap<>();
        if (refusal.kind() == Refusal.Kind.STALE) {
            // as in reject: the reader is told to look again, not which version numbers differ
            byField.put(key.apply("form"), messages.getMessage("refusal.stale", null, refusal.message(), locale));
            return byField;
        }
        if (refusal.fields().isEmpty()) {
            byField.put(key.apply("form"), text(refusal.template(), refusal.arguments(), messages, locale));
        }
        refusal.fields().forEach(problem -> byField.merge(key.apply(problem.field()),
                text(problem.template(), problem.arguments(), messages, locale), (a, b) -> a + "; " + b));
        return byField;
    }

    /** The refusal in the reader's language, as one text: its problems joined by semicolons. */
    public static String text(Refusal refusal, MessageSource messages, Locale locale) {
        return String.join("; ", byField(refusal, messages, locale, field -> "all").values());
    }

    private static String text(String template, List<Object> arguments, MessageSource messages, Locale locale) {
        return sentence(messages.getMessage(new DefaultMessageSourceResolvable(new String[] {codeOf(template)},
                argumentsOf(arguments), template), locale));
    }

    /**
     * A text as a page shows it to people: starting with a capital, as a sentence does. A rule's own words start in
     * lower case to read well after a field's name ({@code code: is not a follow-up code}), as the API gives them.
     */
    public static String sentence(String text) {
        return text.isEmpty() || !Character.isLowerCase(text.charAt(0)) ? text
                : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** No arguments at all for a fixed text, so that message sources take it and its translation as they are. */
    private static Object @Nullable [] argumentsOf(List<Object> arguments) {
        return arguments.isEmpty() ? null : arguments.toArray();
    }

    /** The message code of a refusal text: {@code refusal.} and the text in lower case, words joined by dashes. */
    public static String codeOf(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "refusal." + (slug.length() > MAX_CODE_LENGTH ? slug.substring(0, MAX_CODE_LENGTH) : slug);
    }

    private static boolean hasField(Errors errors, String field) {
        return errors instanceof AbstractPropertyBindingResult result && result.getTarget() != null
                && result.getPropertyAccessor().isReadableProperty(field);
    }
}
