package io.cairn.incidents;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an observable of an incident came from. */
public enum ObservableSource {
    /** A handler added it. */
    HANDLER,
    /** An alert that opened the incident, or a repeat of it, carried it. */
    ALERT,
    /** A link in a reported mail. */
    MAIL,
    /** An indicator in a message a provider peer published to this instance. */
    PROVIDER;

    /** The source as the API and the database write it: {@code handler}, {@code alert}, {@code mail}, {@code provider}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ObservableSource fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
