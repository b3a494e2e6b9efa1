package io.cairn.risks;

import java.util.Arrays;
import java.util.Optional;

/** Where a risk stands: foreseen, happened, or dealt with. */
enum RiskStatus {

    /** Foreseen; it has not happened. */
    ANTICIPATED("anticipated"),
    /** It happened: an incident made it real. */
    MATERIALIZED("materialized"),
    /** Dealt with, for a {@link ClosureReason}; it can be opened again. */
    CLOSED("closed");

    private final String code;

    RiskStatus(String code) {
        this.code = code;
    }

    /** The name the database stores and the API answers, such as {@code anticipated}. */
    String code() {
        return code;
    }

    /** The status with this name, if there is one. */
    static Optional<RiskStatus> ofCode(String code) {
        return Arrays.stream(values())
                .filter(status -> status.code.equals(code))
                .findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(RiskStatus::code).toList().toString();
    }
}
