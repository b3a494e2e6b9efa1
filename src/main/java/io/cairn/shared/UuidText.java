package io.cairn.shared;

import java.util.UUID;

/** Reads the text form of an id, with a message that says what kind of id was expected. */
public final class UuidText {

    private UuidText() {}

    /**
     * The UUID the text holds.
     *
     * @param what what the id identifies, for the message, such as {@code "an incident id"}
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static UUID parse(String text, String what) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + what + " (a UUID)", e);
        }
    }
}
