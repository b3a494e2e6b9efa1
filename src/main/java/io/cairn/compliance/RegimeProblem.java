package io.cairn.compliance;

import io.cairn.shared.Refusal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Why a regime file was refused, and where: the file, the line and column (from 1; 0 when the whole file is meant),
 * and what is wrong there.
 *
 * @param code the message code of what is wrong, translated under {@code refusal.} and the code
 * @param arguments the variable parts of the message
 */
public record RegimeProblem(String file, int line, int column, String code, String template, List<Object> arguments) {

    public RegimeProblem {
        arguments = List.copyOf(arguments);
    }

    static RegimeProblem of(String file, int line, int column, Refusal.Reason reason, Object... arguments) {
        return new RegimeProblem(file, line, column, reason.code(), reason.template(), List.of(arguments));
    }

    /** What is wrong, in English. */
    public String message() {
        return arguments.isEmpty() ? template : new MessageFormat(template, Locale.ROOT).format(arguments.toArray());
    }

    /** Where and what, in English: {@code gdpr.yaml:12:5: lacks the field 'clock'}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message();
    }
}
