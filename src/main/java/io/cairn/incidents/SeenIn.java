package io.cairn.incidents;

/**
 * Another incident that has the same observable (same type, same normal value), as the reader may see it.
 *
 * @param id the other incident
 * @param reference its reference, such as {@code INC-42}
 * @param title its title
 * @param status its status
 */
public record SeenIn(IncidentId id, String reference, String title, Status status) {}
