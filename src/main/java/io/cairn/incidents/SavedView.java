package io.cairn.incidents;

import java.time.Instant;

/**
 * A named filter of the incident list that a user keeps.
 *
 * @param query the list's query string, for example {@code status=new&sort=priority&direction=asc}
 */
record SavedView(SavedViewId id, String name, String query, Instant createdAt) {}
