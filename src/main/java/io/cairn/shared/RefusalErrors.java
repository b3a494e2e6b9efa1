package io.cairn.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * Puts a refusal into a web form's errors, so that each problem shows next to the field it is about.
 *
 * <p>The message code is {@code refusal.} and the code of the refusal's reason ({@code refusal.too-short}): a message
 * bundle translates it, and the reason's English template is the text where a bundle has none. The arguments go
 * along, so that a bundle can place them ({@code Gebruik minstens {0} tekens.}). A stale version is
 * {@code refusal.stale} whatever the text. Pages show every text in sentence case; the API gives the rule's own
 * words.
 */
public final class RefusalErrors {

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
            errors.reject(codeOf(refusal.code()), argumentsOf(refusal.arguments()), sentence(refusal.template()));
            return;
        }
        for (Refusal.FieldProblem problem : refusal.fields()) {
            String code = codeOf(problem.code());
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
    public static Map<String, String> byField(
            Refusal refusal, MessageSource messages, Locale locale, UnaryOperator<String> key) {
        Map<String, String> byField = new LinkedHashMap<>();
        if (refusal.kind() == Refusal.Kind.STALE) {
            // as in reject: the reader is told to look again, not which version numbers differ
            byField.put(key.apply("form"), messages.getMessage("refusal.stale", null, refusal.message(), locale));
            return byField;
        }
        if (refusal.fields().isEmpty()) {
            byField.put(
                    key.apply("form"), text(refusal.code(), refusal.template(), refusal.arguments(), messages, locale));
        }
        refusal.fields()
                .forEach(problem -> byField.merge(
                        key.apply(problem.field()),
                        text(problem.code(), problem.template(), problem.arguments(), messages, locale),
                        (a, b) -> a + "; " + b));
        return byField;
    }

    /**
     * A refused write (a {@link Outcome.Refused}) answered by a page that shows problems from a map: the response gets the refusal's status, and
     * the page its problems by field in the reader's language, as {@link #byField} gives them.
     */
    public static Map<String, String> answer(Outcome<?> refused, MessageSource messages, HttpServletResponse response) {
        if (!(refused instanceof Outcome.Refused<?> refusedOutcome)) {
            throw new IllegalArgumentException("a page answers only a refused outcome with its problems");
        }
        Refusal refusal = refusedOutcome.refusal();
        response.setStatus(refusal.kind().status());
        return byField(refusal, messages, LocaleContextHolder.getLocale(), field -> field);
    }

    /** The refusal in the reader's language, as one text: its problems joined by semicolons. */
    public static String text(Refusal refusal, MessageSource messages, Locale locale) {
        return String.join(
                "; ", byField(refusal, messages, locale, field -> "all").values());
    }

    private static String text(
            String code, String template, List<Object> arguments, MessageSource messages, Locale locale) {
        return sentence(messages.getMessage(
                new DefaultMessageSourceResolvable(new String[] {codeOf(code)}, argumentsOf(arguments), template),
                locale));
    }

    /**
     * A text as a page shows it to people: starting with a capital, as a sentence does. A rule's own words start in
     * lower case to read well after a field's name ({@code code: is not a follow-up code}), as the API gives them.
     */
    public static String sentence(String text) {
        return text.isEmpty() || !Character.isLowerCase(text.charAt(0))
                ? text
                : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** No arguments at all for a fixed text, so that message sources take it and its translation as they are. */
    private static Object @Nullable [] argumentsOf(List<Object> arguments) {
        return arguments.isEmpty() ? null : arguments.toArray();
    }

    /** The message code under which bundles translate a reason: {@code refusal.} and the reason's code. */
    public static String codeOf(Refusal.Reason reason) {
        return codeOf(reason.code());
    }

    /** The message code under which bundles translate the reason of this code. */
    public static String codeOf(String code) {
        return "refusal." + code;
    }

    private static boolean hasField(Errors errors, String field) {
        return errors instanceof AbstractPropertyBindingResult result
                && result.getTarget() != null
                && result.getPropertyAccessor().isReadableProperty(field);
    }
}
