package io.cairn.incidents;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** Reads the ids that pickers send; an empty choice is no id, anything unreadable is an error on the field. */
final class FormIds {

    private FormIds() {}

    static <T> @Nullable T parse(@Nullable String text, Function<String, T> parse, String field, Errors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.apply(text.trim());
        } catch (IllegalArgumentException unreadable) {
            errors.rejectValue(field, "form.unknown-choice", "is not one of the choices");
            return null;
        }
    }
}
