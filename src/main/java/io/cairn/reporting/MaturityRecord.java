package io.cairn.reporting;

import io.cairn.shared.ContentDigest;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A practice that data cannot show (a documented policy, training), as an admin recorded it: the evidence (where the
 * document or the attendance list is), a note, until when it holds (a yearly training lapses), who recorded it and
 * when, and the version a change must name.
 */
public record MaturityRecord(
        String practice,
        String evidence,
        String note,
        @Nullable LocalDate validUntil,
        String recordedBy,
        Instant recordedAt,
        long version) {

    /** Whether it still shows its practice on the day. */
    public boolean holdsOn(LocalDate day) {
        return validUntil == null || !validUntil.isBefore(day);
    }

    String digest() {
        return ContentDigest.of(practice + "|" + evidence + "|" + note + "|" + validUntil + "|" + recordedBy + "|"
                        + recordedAt + "|" + version)
                .hex();
    }
}
