package io.cairn.incidents;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an incident's timeline: a note or a change.
 *
 * @param kind what happened, for example {@code note}, {@code transitioned}, {@code assigned}
 * @param details the facts of the change, such as {@code from} and {@code to}
 * @param note the text of a note or the reason given for a change
 */
public record TimelineEntry(
        long id,
        Instant at,
        String actorName,
        String kind,
        Map<String, String> details,
        @Nullable String note) {

    /** The same entry under another name, for readers who may not know who in a team wrote it. */
    public TimelineEntry signedBy(String name) {
        return new TimelineEntry(id, at, name, kind, details, note);
    }

    /** The same entry without its note, for readers who may see that something changed but not why. */
    public TimelineEntry withoutNote() {
        return new TimelineEntry(id, at, actorName, kind, details, null);
    }
}
