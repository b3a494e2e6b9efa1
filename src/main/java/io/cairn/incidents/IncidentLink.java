package io.cairn.incidents;

/**
 * A link from this incident to another, read from this incident's side.
 *
 * @param kind the link; for {@code parent-of} and {@code duplicate-of}, {@code outgoing} says whether this incident
 *     is the parent (or the duplicate)
 */
record IncidentLink(LinkKind kind, boolean outgoing, IncidentId other, String otherReference, String otherTitle) {}
