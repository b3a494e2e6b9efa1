package io.cairn.isms.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What sort of thing an evidence item is. */
public enum EvidenceKind {
    DISK_IMAGE,
    MEMORY_IMAGE,
    MOBILE_DEVICE,
    COMPUTER,
    STORAGE_MEDIUM,
    LOG_EXPORT,
    MAIL_FILE,
    NETWORK_CAPTURE,
    DOCUMENT,
    OTHER;

    /** The kind as the API and the database write it, such as {@code disk-image}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind written as its code. */
    public static Optional<EvidenceKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }

    /** Every code, in order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(EvidenceKind::code).toList();
    }
}
