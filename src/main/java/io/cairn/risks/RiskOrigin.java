package io.cairn.risks;

import java.util.UUID;

/**
 * What a risk was raised from, as its reader sees it.
 *
 * @param kind the kind of thing, as its {@link RiskSource} names it: {@code procedure-run}
 * @param id the thing's id
 * @param label what kind of thing it is, in the reader's language: "Security procedure"
 * @param reference its reference, such as {@code PRC-12}
 * @param title what it is called, in the reader's language
 * @param path the address of its page, such as {@code /procedures/runs/{id}}
 */
public record RiskOrigin(String kind, UUID id, String label, String reference, String title, String path) {}
