package io.cairn.incidents;

import java.time.Instant;
import java.util.UUID;

/**
 * A named filter of the incident list that a user keeps.
 *
 * @param query the list's query string, for example {@code status=new&sort=priority&direction=asc}
 */
public record SavedView(UUID id, String name, String query, Instant createdAt) {}
