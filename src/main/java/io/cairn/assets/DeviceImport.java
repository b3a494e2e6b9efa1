package io.cairn.assets;

import java.util.List;

/**
 * The result of importing a CSV file of devices: every line is checked first, and nothing is stored unless every
 * line is good.
 *
 * @param registered devices that were new
 * @param updated devices already registered (same identifier) whose name, kind or holder changed
 * @param problems what is wrong, line by line; empty when the import was stored
 */
public record DeviceImport(int registered, int updated, List<LineProblem> problems) {

    /** A problem with one line of the file: its number (the header is line 1), the column, and what is wrong. */
    public record LineProblem(int line, String column, String message) {

        @Override
        public String toString() {
            return "line " + line + ", " + column + ": " + message;
        }
    }

    public DeviceImport {
        problems = List.copyOf(problems);
    }
}
