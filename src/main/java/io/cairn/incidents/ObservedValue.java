package io.cairn.incidents;

/**
 * A value an intake channel observed, as it came: its type's code and the value, not yet checked.
 *
 * @param type the code of an observable type, such as {@code ipv4-addr}
 * @param value the value as the channel read it
 */
public record ObservedValue(String type, String value) {}
