package io.cairn.isms.controls;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The times of the evidence page as the template writes them: in UTC and in the zone of security procedures. */
public final class ControlEvidenceTimes {

    private final EvidenceTexts texts;

    ControlEvidenceTimes(EvidenceTexts texts) {
        this.texts = texts;
    }

    /** The time in UTC and in the zone, such as {@code 2026-10-01 09:15 UTC (11:15 Europe/Amsterdam)}. */
    public String time(@Nullable Instant at) {
        return texts.both(at);
    }
}
