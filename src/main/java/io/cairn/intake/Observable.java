package io.cairn.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Locale;

/** Something observed in an alert: an address, a domain, a file hash, an account. */
record Observable(
        @NotNull Type type, @NotBlank @Size(max = 2_000) String value) {

    /** The kinds of observable an alert may carry (names as in STIX cyber-observables). */
    public enum Type {
        IPV4_ADDR,
        IPV6_ADDR,
        DOMAIN_NAME,
        URL,
        EMAIL_ADDR,
        FILE_SHA256,
        HOSTNAME,
        USER_ACCOUNT,
        PROCESS,
        OTHER;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static Type fromCode(String code) {
            String wanted = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            return Arrays.stream(values())
                    .filter(t -> t.name().equals(wanted))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalArgumentException("unknown observable type '" + code + "', expected one of "
                                    + Arrays.stream(values()).map(Type::code).toList()));
        }
    }
}
