package io.cairn.shared;

import java.util.Locale;

/**
 * A verb of an auditable event, as an enum constant: the audit trail stores it as the constant's name in lower case
 * with hyphens ({@code HANDED_OVER} as {@code handed-over}), so that a publisher names its verbs once, as types, and
 * the stored actions stay as they were.
 */
public interface AuditVerb {

    /** The constant's name; an enum implements it. */
    String name();

    /** The verb as the audit trail stores it after the object type, such as {@code handed-over}. */
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
