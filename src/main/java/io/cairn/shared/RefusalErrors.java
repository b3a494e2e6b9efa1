package io.cairn.shared;

import java.util.Locale;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * Puts a refusal into a web form's errors, so that each problem shows next to the field it is about.
 *
 * <p>The message codes are made from the refusal's English text ({@code refusal.must-be-at-least-12-characters}),
 * the way gettext keys a catalogue by its source text: a message bundle translates the texts it knows, and any other
 * refusal shows as the module wrote it. A stale version is {@code refusal.stale} whatever the text.
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
            errors.reject(codeOf(refusal.message()), refusal.message());
            return;
        }
        for (Refusal.FieldProblem problem : refusal.fields()) {
            if (hasField(errors, problem.field())) {
                errors.rejectValue(problem.field(), codeOf(problem.message()), problem.message());
            } else {
                errors.reject(codeOf(problem.message()), problem.field() + ": " + problem.message());
            }
        }
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
