package io.cairn.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Traffic Light Protocol 2.0 marking: who may receive information and whether they may pass it on. */
public enum Tlp {
    CLEAR("CLEAR"),
    GREEN("GREEN"),
    AMBER("AMBER"),
    AMBER_STRICT("AMBER+STRICT"),
    RED("RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    /** The marking as TLP 2.0 writes it, for example {@code AMBER+STRICT}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Reads a marking written as TLP 2.0 writes it, or as the constant's name; case does not matter. */
    @JsonCreator
    public static Tlp fromLabel(String text) {
        String wanted = text.trim().toUpperCase(java.util.Locale.ROOT);
        return Arrays.stream(values())
                .filter(tlp -> tlp.label.equals(wanted) || tlp.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown TLP marking '" + text + "', expected one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED"));
    }

    /** The more restrictive of this marking and the other, as derived objects take. */
    public Tlp mostRestrictive(Tlp other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
