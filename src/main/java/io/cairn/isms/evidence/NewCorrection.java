package io.cairn.isms.evidence;

import org.jspecify.annotations.Nullable;

/**
 * A correction of one fact of an item: a new entry of its log that refers to the entry that gave the value corrected.
 *
 * @param field the fact, as the API names it (see {@link EvidenceRules#CORRECTABLE})
 * @param value its correct value, written as the API writes it
 * @param reason why the value before was wrong
 * @param version the item's version the corrector saw
 */
public record NewCorrection(
        @Nullable String field,
        @Nullable String value,
        @Nullable String reason,
        long version) {}
