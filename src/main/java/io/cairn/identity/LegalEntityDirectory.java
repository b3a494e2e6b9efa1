package io.cairn.identity;

import java.util.Map;

/**
 * The legal entities a business unit may belong to, by name. The compliance module keeps the legal entities and
 * provides this; without it (a module test of identity alone) there are none.
 */
public interface LegalEntityDirectory {

    /** Whether the legal entity exists. */
    boolean exists(LegalEntityId id);

    /** The names of all legal entities by id, sorted by name. */
    Map<LegalEntityId, String> names();
}
