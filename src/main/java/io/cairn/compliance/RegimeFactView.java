package io.cairn.compliance;

import io.cairn.identity.UserId;
import java.time.Instant;
import java.util.List;

/**
 * A regime fact of an incident as it stands (its latest version) with its full history, newest first.
 *
 * @param fact {@code regime.trigger}, such as {@code gdpr.awareness}
 * @param version the latest version; a change names it
 * @param at the instant of the fact (when the organisation became aware, when it classified the incident as major)
 * @param justification why the fact holds at that instant
 */
public record RegimeFactView(
        String fact,
        long version,
        Instant at,
        String justification,
        UserId setBy,
        String setByName,
        Instant setAt,
        List<Version> history) {

    public RegimeFactView {
        history = List.copyOf(history);
    }

    /** One version of the fact, as it was set. */
    public record Version(
            long version, Instant at, String justification, UserId setBy, String setByName, Instant setAt) {}

    static RegimeFactView of(FactKey key, List<Version> newestFirst) {
        Version latest = newestFirst.get(0);
        return new RegimeFactView(
                key.toString(),
                latest.version(),
                latest.at(),
                latest.justification(),
                latest.setBy(),
                latest.setByName(),
                latest.setAt(),
                newestFirst);
    }
}
