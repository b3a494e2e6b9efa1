package io.cairn.compliance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored deliveries of notices that are being sent: the text frozen when sending started, each person's claim
 * before the SMTP send ({@code sending}, with the Message-ID the mail carries) and its result after ({@code sent} or
 * {@code failed}), and the claims a stopped server left behind, which become {@code unknown} and are never sent again.
 */
@Component
class NoticeDeliveries {

    /** The most characters of a mail server's error that are kept. */
    static final int MAX_ERROR = 500;

    /** A person's delivery, claimed for sending. */
    record Claim(
            long id, UUID obligation, String stage, String name, String email, String language, String messageId) {}

    /** The text a notice is sent as, frozen, and who started sending it. */
    record Frozen(byte[] content, String sha256, UUID startedBy, String startedByName) {}

    /** A notice whose people are all dealt with (nothing queued or claimed), how many of them, and how. */
    record Finished(UUID obligation, String stage, int people, int sent, int failed, int unknown) {}

    private final JdbcClient jdbc;

    NoticeDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Freezes the text, unless sending started already; whether it froze it. */
    boolean freeze(
            UUID obligation, String stage, byte[] content, String sha256, io.cairn.identity.Actor by, Instant now) {
        return jdbc.sql(
                                "update compliance_notice set text_content = ?, text_sha256 = ?, frozen_at = ?, started_by = ?, "
                                        + "started_by_name = ? where obligation_id = ? and stage = ? and text_sha256 is null "
                                        + "and erased_at is null")
                        .params(
                                content,
                                sha256,
                                Timestamp.from(now),
                                by.id().value(),
                                by.displayName(),
                                obligation,
                                stage)
                        .update()
                == 1;
    }

    Optional<Frozen> frozen(UUID obligation, String stage) {
        return jdbc.sql("select text_content, text_sha256, started_by, started_by_name from compliance_notice "
                        + "where obligation_id = ? and stage = ? and text_sha256 is not null")
                .params(obligation, stage)
                .query((row, n) -> new Frozen(
                        row.getBytes("text_content"),
                        row.getString("text_sha256"),
                        row.getObject("started_by", UUID.class),
                        row.getString("started_by_name")))
                .optional();
    }

    /**
     * Claims up to {@code limit} queued people of frozen notices ({@code FOR UPDATE SKIP LOCKED}, so that several
     * workers never claim one person twice), each with a new Message-ID at the domain.
     */
    List<Claim> claim(int limit, String domain, Instant now) {
        return jdbc.sql("update compliance_notice_recipient r set status = 'sending', claimed_at = ?, "
                        + "message_id = '<' || gen_random_uuid() || '@' || ? || '>' where r.id in ("
                        + "select q.id from compliance_notice_recipient q join compliance_notice n "
                        + "on n.obligation_id = q.obligation_id and n.stage = q.stage "
                        + "where q.status = 'queued' and n.text_sha256 is not null order by q.id limit ? "
                        + "for update of q skip locked) "
                        + "returning r.id, r.obligation_id, r.stage, r.name, r.email, r.language, r.message_id")
                .params(Timestamp.from(now), domain, limit)
                .query((row, n) -> new Claim(
                        row.getLong("id"),
                        row.getObject("obligation_id", UUID.class),
                        row.getString("stage"),
                        row.getString("name"),
                        row.getString("email"),
                        row.getString("language"),
                        row.getString("message_id")))
                .list();
    }

    /**
     * Marks the claimed delivery sent, and the notice last sent now (the retention counts from it), in one statement
     * (PostgreSQL runs an update in {@code WITH} whether or not the rest reads it): one round trip and one commit.
     */
    void sent(Claim claim, Instant now) {
        jdbc.sql("with marked as (update compliance_notice_recipient set status = 'sent', sent_at = ? "
                        + "where id = ? and status = 'sending') "
                        + "update compliance_notice set last_sent_at = ? where obligation_id = ? and stage = ?")
                .params(Timestamp.from(now), claim.id(), Timestamp.from(now), claim.obligation(), claim.stage())
                .update();
    }

    /** Puts claimed deliveries whose mail was not sent back in the queue, for a worker that stops. */
    void release(List<Claim> claims) {
        jdbc.sql("update compliance_notice_recipient set status = 'queued', claimed_at = null, message_id = null "
                        + "where id = any(?) and status = 'sending'")
                .param(claims.stream().map(Claim::id).toArray(Long[]::new))
                .update();
    }

    /** Marks the claimed delivery failed, with the mail server's error shortened. */
    void failed(Claim claim, @Nullable String error) {
        String said = error == null || error.isBlank() ? "the mail could not be sent" : error.strip();
        jdbc.sql(
                        "update compliance_notice_recipient set status = 'failed', error = ? where id = ? and status = 'sending'")
                .params(shortened(said), claim.id())
                .update();
    }

    /**
     * Claims older than the instant, left by a worker that stopped between the claim and the mark, become {@code
     * unknown}: whether their mail went out is for a person to check; how many.
     */
    int expireClaims(Instant claimedBefore) {
        return jdbc.sql("update compliance_notice_recipient set status = 'unknown', "
                        + "error = 'the server stopped while this mail was being sent: check whether it arrived' "
                        + "where status = 'sending' and claimed_at < ?")
                .params(Timestamp.from(claimedBefore))
                .update();
    }

    /** Marks the notices that started sending and have nothing queued or claimed any more as finished; them. */
    List<Finished> finish(Instant now) {
        return jdbc.sql("update compliance_notice n set finished_at = ? where n.text_sha256 is not null "
                        + "and n.finished_at is null and n.erased_at is null and not exists ("
                        + "select 1 from compliance_notice_recipient r where r.obligation_id = n.obligation_id "
                        + "and r.stage = n.stage and r.status in ('queued', 'sending')) "
                        + "returning n.obligation_id, n.stage, "
                        + "(select count(*) from compliance_notice_recipient r where r.obligation_id = n.obligation_id "
                        + "and r.stage = n.stage) as people, " + count("sent") + ", " + count("failed") + ", "
                        + count("unknown"))
                .params(Timestamp.from(now))
                .query((row, n) -> new Finished(
                        row.getObject("obligation_id", UUID.class),
                        row.getString("stage"),
                        row.getInt("people"),
                        row.getInt("sent"),
                        row.getInt("failed"),
                        row.getInt("unknown")))
                .list();
    }

    private static String count(String status) {
        return "(select count(*) from compliance_notice_recipient r where r.obligation_id = n.obligation_id "
                + "and r.stage = n.stage and r.status = '" + status + "') as " + status;
    }

    /**
     * Locks the deliveries of the stage among the ids whose outcome is unknown, for a privacy officer to settle; the
     * ids of those it locked.
     */
    Set<Long> lockUnknown(UUID obligation, String stage, List<Long> ids) {
        return new HashSet<>(
                jdbc.sql("select id from compliance_notice_recipient where obligation_id = ? and stage = ? "
                                + "and id = any(?) and status = 'unknown' for update")
                        .params(obligation, stage, ids.toArray(Long[]::new))
                        .query(Long.class)
                        .list());
    }

    /**
     * Settles locked deliveries of unknown outcome as a privacy officer found them: the mail arrived ({@code sent}),
     * it did not go out and is sent again with a new Message-ID ({@code resend}), or it is given up ({@code
     * failed}, the note as its error); the notice is then finished anew by the sender.
     */
    void settle(UUID obligation, String stage, List<Long> ids, Settlement settlement, String note, Instant now) {
        Long[] settled = ids.toArray(Long[]::new);
        switch (settlement) {
            case SENT ->
                jdbc.sql("update compliance_notice_recipient set status = 'sent', sent_at = ?, error = ? "
                                + "where id = any(?) and status = 'unknown'")
                        .params(Timestamp.from(now), shortened("checked: " + note), settled)
                        .update();
            case RESEND ->
                jdbc.sql("update compliance_notice_recipient set status = 'queued', claimed_at = null, "
                                + "message_id = null, error = null where id = any(?) and status = 'unknown'")
                        .param(settled)
                        .update();
            case FAILED ->
                jdbc.sql("update compliance_notice_recipient set status = 'failed', error = ? "
                                + "where id = any(?) and status = 'unknown'")
                        .params(shortened(note), settled)
                        .update();
        }
        jdbc.sql("update compliance_notice set finished_at = null where obligation_id = ? and stage = ?")
                .params(obligation, stage)
                .update();
    }

    /** A notice some of whose mails bounced, and how many of them now. */
    record Bounced(UUID obligation, String stage, io.cairn.incidents.IncidentId incident, int mails) {}

    /**
     * Marks the deliveries whose mails carried one of the Message-IDs (in any case) bounced, with the mail server's
     * reason, when they were sent or of unknown outcome; the notices they belong to.
     */
    List<Bounced> bounced(java.util.Collection<String> messageIds, String reason) {
        return jdbc.sql("with b as (update compliance_notice_recipient set status = 'bounced', error = ? "
                        + "where lower(message_id) = any(?) and status in ('sent', 'unknown') "
                        + "returning obligation_id, stage) "
                        + "select b.obligation_id, b.stage, o.incident_id, count(*) as mails from b "
                        + "join compliance_obligation o on o.id = b.obligation_id "
                        + "group by b.obligation_id, b.stage, o.incident_id")
                .params(
                        shortened(reason),
                        messageIds.stream().map(NoticeLists::lower).toArray(String[]::new))
                .query((row, n) -> new Bounced(
                        row.getObject("obligation_id", UUID.class),
                        row.getString("stage"),
                        new io.cairn.incidents.IncidentId(row.getObject("incident_id", UUID.class)),
                        row.getInt("mails")))
                .list();
    }

    /** How a privacy officer settles a delivery of unknown outcome. */
    enum Settlement {
        SENT,
        RESEND,
        FAILED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static String shortened(String said) {
        return said.length() > MAX_ERROR ? said.substring(0, MAX_ERROR - 1) + "…" : said;
    }
}
