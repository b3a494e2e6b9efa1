package io.cairn.incidents;

import io.cairn.shared.Tlp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An observable of an incident: an indicator such as an address, a domain or a file hash, with its own marking.
 *
 * @param type the code of its type, such as {@code ipv4-addr}
 * @param typeLabel the type's label in the reader's language
 * @param value the value in its type's normal form
 * @param tlp its own TLP marking; the incident's when it was added, unless the handler chose another
 * @param ioc whether it is an indicator of compromise, which receivers may act on
 * @param source where it came from
 * @param note the handler's short note, if any
 * @param addedBy who added it: a person's name, or the channel that did
 * @param version its version, which a change or removal must name
 * @param seenIn the other incidents with the same observable that the reader may see, most recently reported first
 */
public record IncidentObservable(
        ObservableId id,
        String type,
        String typeLabel,
        String value,
        Tlp tlp,
        boolean ioc,
        ObservableSource source,
        @Nullable String note,
        String addedBy,
        Instant addedAt,
        long version,
        List<SeenIn> seenIn) {

    public IncidentObservable {
        seenIn = List.copyOf(seenIn);
    }

    IncidentObservable withSeenIn(List<SeenIn> others) {
        return new IncidentObservable(
                id, type, typeLabel, value, tlp, ioc, source, note, addedBy, addedAt, version, others);
    }
}
