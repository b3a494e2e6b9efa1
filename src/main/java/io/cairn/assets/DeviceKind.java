package io.cairn.assets;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What sort of device it is. */
public enum DeviceKind {
    LAPTOP,
    DESKTOP,
    PHONE,
    TABLET,
    SERVER,
    NETWORK,
    STORAGE,
    OTHER;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind written in any case, if it is one. */
    public static Optional<DeviceKind> find(String code) {
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
    }

    @JsonCreator
    public static DeviceKind fromCode(String code) {
        return find(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown device kind '" + code + "', expected one of "
                        + Arrays.stream(values()).map(DeviceKind::code).toList()));
    }
}
