package io.cairn.compliance;

import io.cairn.incidents.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The notice to the people a breach concerns (GDPR Art. 34) on an obligation's data-subjects stage: the counts of its
 * list, which everyone who reads the incident's compliance sees, and whether the reader may see and change the people.
 *
 * @param status the stage's status ({@code open}, {@code submitted}, ...)
 * @param counts the list's counts; none before the first import
 * @param managesPeople whether the reader is a privacy officer, who sees and changes the list
 * @param textSha256 the SHA-256 of the text frozen when sending started; none before
 * @param sendingStartedAt when sending started; none before
 */
public record NoticeView(
        UUID obligation,
        IncidentId incident,
        String stage,
        String stageName,
        String status,
        @Nullable Counts counts,
        boolean managesPeople,
        @Nullable String textSha256,
        @Nullable Instant sendingStartedAt) {

    /**
     * How many people a list has, and where their deliveries stand.
     *
     * @param waiting queued or being sent
     * @param unknown claimed for sending when the server stopped: whether the mail went out is for a person to check
     * @param importedAt when people were last added
     * @param lastSentAt when a mail last went out; the retention counts from it
     * @param erasedAt when the people were erased at the end of the retention: the counts are what was kept
     */
    public record Counts(
            int people,
            int waiting,
            int sent,
            int failed,
            int bounced,
            int unknown,
            Instant importedAt,
            @Nullable Instant lastSentAt,
            @Nullable Instant erasedAt) {

        /** The share of the people that the sending dealt with (sent, failed, bounced or unknown), 0 to 100. */
        public int percentDone() {
            return people == 0 ? 0 : (int) Math.floor(100.0 * (sent + failed + bounced + unknown) / people);
        }
    }

    /**
     * A person of the list, with their delivery.
     *
     * @param id the delivery's number, by which a privacy officer settles one of unknown outcome
     * @param line the line of the file they came from
     * @param status queued, sending, sent, failed, bounced or unknown
     * @param error the mail server's answer when the delivery failed or bounced
     */
    public record Recipient(
            long id,
            int line,
            String name,
            String email,
            String language,
            String status,
            @Nullable String error,
            @Nullable Instant sentAt) {}

    /**
     * What an import did.
     *
     * @param imported how many people were added
     * @param skipped the lines that were left out, with their problems (the first thousand)
     */
    public record Import(int imported, List<Problem> skipped, int problems, NoticeView notice) {

        public Import {
            skipped = List.copyOf(skipped);
        }
    }

    /** A problem of a line of an imported file: where ({@code line 3, column 2 (e-mail)}) and what. */
    public record Problem(String field, String message) {}
}
