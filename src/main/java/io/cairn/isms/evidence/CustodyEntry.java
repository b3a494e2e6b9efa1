package io.cairn.isms.evidence;

import io.cairn.identity.UserId;
import io.cairn.shared.ContentDigest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an evidence item's custody log, chained to the entry before by its hash: the SHA-256 of the hash before
 * and of the entry's content ({@link #content}), so that no entry can be changed, left out or put in between unseen.
 *
 * @param seq the entry's place in the log, from 1
 * @param recordedAt when Cairn recorded it: the time of the sign-off of who recorded it
 * @param actor who recorded it, and so signed it off
 * @param facts what the entry says
 * @param previousHash the hash of the entry before; {@link #GENESIS} for the first
 */
public record CustodyEntry(
        UUID id,
        int seq,
        Kind kind,
        Instant recordedAt,
        UserId actor,
        String actorName,
        Facts facts,
        String previousHash,
        String hash) {

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** What an entry records. */
    public enum Kind {
        /** The item was collected and entered; always the first entry. */
        COLLECTED,
        /** The custodian proposed to hand the item over. */
        TRANSFER_PROPOSED,
        /** The receiver signed the transfer off: they hold the item now. */
        TRANSFER_ACCEPTED,
        /** The receiver declined the transfer, with a reason: custody did not move. */
        TRANSFER_DECLINED,
        /** The custodian withdrew the transfer they proposed, with a reason: custody did not move. */
        TRANSFER_WITHDRAWN,
        /** Cairn recomputed the SHA-256 of the file it holds. */
        INTEGRITY_CHECKED,
        /** A fact of the item was corrected; the entry refers to the entry that gave the value corrected. */
        CORRECTED;

        /** The kind as the API and the database write it, such as {@code transfer-proposed}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind ofCode(String code) {
            return Arrays.stream(values())
                    .filter(kind -> kind.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no custody entry kind " + code));
        }
    }

    /**
     * The facts of an entry; those its kind does not have are null.
     *
     * @param occurredAt when the collection or the hand-over took place, as stated by who recorded it
     * @param from who handed the item over
     * @param to who took, or was to take, the item over
     * @param purpose why the item was handed over
     * @param location where the item is, or will be, kept
     * @param reason why a transfer was declined, or a fact corrected
     * @param field the fact corrected, as the API names it
     * @param oldValue the fact's value before the correction
     * @param newValue the fact's value after it
     * @param refersTo the entry this one answers (a proposal's sign-off) or corrects
     * @param result {@code match} or {@code mismatch}, for an integrity check
     * @param computedSha256 the SHA-256 Cairn computed, at collection of a held file or at an integrity check
     */
    public record Facts(
            @Nullable Instant occurredAt,
            @Nullable UserId from,
            @Nullable UserId to,
            @Nullable String purpose,
            @Nullable String location,
            @Nullable String reason,
            @Nullable String field,
            @Nullable String oldValue,
            @Nullable String newValue,
            @Nullable UUID refersTo,
            @Nullable String result,
            @Nullable String computedSha256) {

        public Facts {
            occurredAt = occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MICROS);
        }

        static Facts collected(Instant at, UserId collector, String location, @Nullable String computedSha256) {
            return new Facts(at, null, collector, null, location, null, null, null, null, null, null, computedSha256);
        }

        static Facts transfer(Instant at, UserId from, UserId to, String purpose, String location) {
            return new Facts(at, from, to, purpose, location, null, null, null, null, null, null, null);
        }

        static Facts answer(CustodyEntry proposal, @Nullable String reason) {
            Facts asked = proposal.facts();
            return new Facts(
                    asked.occurredAt(),
                    asked.from(),
                    asked.to(),
                    asked.purpose(),
                    asked.location(),
                    reason,
                    null,
                    null,
                    null,
                    proposal.id(),
                    null,
                    null);
        }

        static Facts check(boolean matched, String computed) {
            return new Facts(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    matched ? "match" : "mismatch",
                    computed);
        }

        static Facts correction(String field, String oldValue, String newValue, String reason, UUID corrects) {
            return new Facts(null, null, null, null, null, reason, field, oldValue, newValue, corrects, null, null);
        }
    }

    /**
     * The entry after the one numbered {@code previousSeq} whose hash is {@code before} (0 and {@link #GENESIS} for the
     * first), its hash computed.
     */
    static CustodyEntry next(
            int previousSeq, String before, Kind kind, Instant at, UserId actor, String actorName, Facts facts) {
        UUID id = UUID.randomUUID();
        int seq = previousSeq + 1;
        Instant recorded = at.truncatedTo(ChronoUnit.MICROS);
        String hash = hashOf(before, content(id, seq, kind, recorded, actor, actorName, facts));
        return new CustodyEntry(id, seq, kind, recorded, actor, actorName, facts, before, hash);
    }

    /** Whether this entry's hash is that of its content after the hash before it. */
    boolean intact() {
        return hash.equals(hashOf(previousHash, content(id, seq, kind, recordedAt, actor, actorName, facts)));
    }

    /** Whether a sign-off or a withdrawal of this proposal follows it in the log. */
    boolean answeredIn(List<CustodyEntry> log) {
        return log.stream()
                .anyMatch(entry -> id.equals(entry.facts().refersTo())
                        && (entry.kind() == Kind.TRANSFER_ACCEPTED
                                || entry.kind() == Kind.TRANSFER_DECLINED
                                || entry.kind() == Kind.TRANSFER_WITHDRAWN));
    }

    /** The SHA-256, as lower-case hex, of the hash before, a line feed, and the content. */
    static String hashOf(String previousHash, String content) {
        return ContentDigest.of(previousHash + "\n" + content).hex();
    }

    /**
     * What the hash covers: each part on a line of its own as {@code name=value}, the value URL-encoded (UTF-8) so that
     * no value can hold a line break, an absent value empty, times as ISO-8601 instants in UTC.
     */
    static String content(UUID id, int seq, Kind kind, Instant at, UserId actor, String actorName, Facts facts) {
        StringBuilder content = new StringBuilder();
        line(content, "id", id);
        line(content, "seq", seq);
        line(content, "kind", kind.code());
        line(content, "recorded-at", at);
        line(content, "actor", actor);
        line(content, "actor-name", actorName);
        line(content, "occurred-at", facts.occurredAt());
        line(content, "from", facts.from());
        line(content, "to", facts.to());
        line(content, "purpose", facts.purpose());
        line(content, "location", facts.location());
        line(content, "reason", facts.reason());
        line(content, "field", facts.field());
        line(content, "old-value", facts.oldValue());
        line(content, "new-value", facts.newValue());
        line(content, "refers-to", facts.refersTo());
        line(content, "result", facts.result());
        line(content, "computed-sha256", facts.computedSha256());
        return content.substring(0, content.length() - 1);
    }

    private static void line(StringBuilder content, String name, @Nullable Object value) {
        content.append(name).append('=').append(encoded(value)).append('\n');
    }

    private static String encoded(@Nullable Object value) {
        return Optional.ofNullable(value)
                .map(Objects::toString)
                .map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8))
                .orElse("");
    }
}
