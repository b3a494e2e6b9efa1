package io.cairn.risks;

import java.util.Arrays;
import java.util.Optional;

/** Why a risk was closed. */
enum ClosureReason {

    /** Its cause is gone. */
    ELIMINATED("eliminated"),
    /** The organisation lives with it. */
    ACCEPTED("accepted"),
    /** Its treatment brought it down far enough. */
    MITIGATED("mitigated"),
    /** Someone else carries it, such as an insurer or a supplier. */
    TRANSFERRED("transferred"),
    /** It turned out to be no risk. */
    NO_RISK("no_risk");

    private final String code;

    ClosureReason(String code) {
        this.code = code;
    }

    /** The name the database stores and the API answers, such as {@code no_risk}. */
    String code() {
        return code;
    }

    /** The reason with this name, if there is one. */
    static Optional<ClosureReason> ofCode(String code) {
        return Arrays.stream(values())
                .filter(reason -> reason.code.equals(code))
                .findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(ClosureReason::code).toList().toString();
    }
}
