package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follow-up codes for anonymous reports: 20 random characters in groups of four (about 100 bits), shown once and
 * stored only as a SHA-256 digest. A fast digest suffices because the code is long and random, and guessing is
 * throttled per address.
 */
@Component
class FollowUpCodes {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;

    FollowUpCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes a code for the incident and stores its digest; the code itself is returned and forgotten. */
    String issue(IncidentId incident, Instant now, Instant expires) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        jdbc.sql("insert into intake_follow_up (digest, incident_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(digest(code.toString()), incident.value(), Timestamp.from(now), Timestamp.from(expires))
                .update();
        return code.toString();
    }

    /** What a code leads to: the incident, and whether the code has expired. */
    record Found(IncidentId incident, boolean expired) {}

    Optional<Found> find(String code, Instant now) {
        return jdbc.sql("select incident_id, expires_at from intake_follow_up where digest = ?")
                .param(digest(code))
                .query((row, n) -> new Found(
                        new IncidentId(row.getObject("incident_id", UUID.class)),
                        !row.getTimestamp("expires_at").toInstant().isAfter(now)))
                .optional();
    }

    void used(String code, Instant now) {
        jdbc.sql("update intake_follow_up set last_used_at = ? where digest = ?")
                .params(Timestamp.from(now), digest(code))
                .update();
    }

    /** The code as people may type it: any case, with or without dashes and spaces. */
    private static byte[] digest(String code) {
        String normal = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        try {
            return MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
