package io.cairn.incidents;

import io.cairn.shared.Language;

/**
 * A kind of observable an incident may carry, such as an IPv4 address or a file's SHA-256 hash.
 *
 * @param code how the API and the exchange name it: the STIX 2.1 cyber-observable name where one exists
 * @param english its label in English
 * @param dutch its label in Dutch
 */
public record ObservableType(String code, String english, String dutch) {

    /** The label in the language of the current request. */
    public String label() {
        return Language.current() == Language.DUTCH ? dutch : english;
    }
}
