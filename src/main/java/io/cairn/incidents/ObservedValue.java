package io.cairn.incidents;

import io.cairn.shared.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * A value an intake channel observed, as it came: its type's code and the value, not yet checked.
 *
 * @param type the code of an observable type, such as {@code ipv4-addr}
 * @param value the value as the channel read it
 * @param ioc whether the channel's source states that it indicates compromise (an alert's always do)
 * @param tlp the marking its source gave it, such as a provider's for each indicator; null: the incident's
 */
public record ObservedValue(
        String type, String value, boolean ioc, @Nullable Tlp tlp) {

    /** A value its source marked no differently from the incident. */
    public ObservedValue(String type, String value, boolean ioc) {
        this(type, value, ioc, null);
    }

    /** A value whose source states nothing about compromise or marking. */
    public ObservedValue(String type, String value) {
        this(type, value, false);
    }
}
