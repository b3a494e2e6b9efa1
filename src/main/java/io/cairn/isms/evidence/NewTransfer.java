package io.cairn.isms.evidence;

import io.cairn.identity.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A hand-over the custodian proposes.
 *
 * @param to the receiver, a Cairn user who may read the incident's evidence
 * @param at when the hand-over takes place; now when null
 * @param purpose why the item is handed over
 * @param storageLocation where the receiver will keep it
 * @param version the item's version the custodian saw
 */
public record NewTransfer(
        @Nullable UserId to,
        @Nullable Instant at,
        @Nullable String purpose,
        @Nullable String storageLocation,
        long version) {}
