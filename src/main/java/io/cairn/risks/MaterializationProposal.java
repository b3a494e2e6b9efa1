package io.cairn.risks;

import java.time.Instant;
import java.util.UUID;

/**
 * RISK-3: an open proposal to mark an anticipated risk materialized, because an incident linked to it was confirmed.
 *
 * @param incident the confirmed incident's id
 * @param reference its reference, such as {@code INC-12}
 */
public record MaterializationProposal(UUID incident, String reference, String title, Instant proposedAt) {}
