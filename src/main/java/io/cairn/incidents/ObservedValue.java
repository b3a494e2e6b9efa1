package io.cairn.incidents;

/**
 * A value an intake channel observed, as it came: its type's code and the value, not yet checked.
 *
 * @param type the code of an observable type, such as {@code ipv4-addr}
 * @param value the value as the channel read it
 * @param ioc whether the channel's source states that it indicates compromise (an alert's always do)
 */
public record ObservedValue(String type, String value, boolean ioc) {

    /** A value whose source states nothing about compromise. */
    public ObservedValue(String type, String value) {
        this(type, value, false);
    }
}
