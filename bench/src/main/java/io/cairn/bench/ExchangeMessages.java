package io.cairn.bench;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Exchange messages (format version 1, docs/federation.md) as a provider makes them, for the receiver and catch-up
 * benchmarks: a publication of one version of an incident, with the fields a real one fills (category, status,
 * determination, severity, times, recommended actions, a few indicators, now and then personal-data facts, TLP GREEN,
 * a hop budget) and a provenance entry sealed as Cairn seals one (a JWE, ECDH-ES+A256KW with A256GCM, of a plaintext
 * padded to 4 KiB, the smallest bucket, and its SHA-256 commitment). Sealing is the slow part, so a benchmark makes a
 * pool of entries and gives each message one of them: a receiver cannot open them anyway, only store them.
 */
final class ExchangeMessages {

    /** A sealed provenance entry and its commitment. */
    record Provenance(String sealed, String commitment) {}

    private static final String[] STATUSES = {"triage", "analysis", "containment", "eradication", "recovery",
        "review", "closed"};
    private static final String[] SEVERITIES = {"low", "medium", "high", "critical"};
    private static final String[][] CATEGORIES = {{"intrusions", "system-compromise"},
        {"malicious-code", "infected-system"}, {"intrusions", "unprivileged-account-compromise"},
        {"intrusion-attempts", "exploit"}, {"information-gathering", "scanner"}};

    private ExchangeMessages() {}

    /** Entries sealed to a throwaway auditor key, as many as asked for. */
    static List<Provenance> provenancePool(int size) {
        ECKey auditor = Jose.newKey();
        SecureRandom random = new SecureRandom();
        List<Provenance> pool = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] nonce = new byte[32];
            random.nextBytes(nonce);
            String entry = "{\"publisher\":\"https://upstream.example\",\"incident\":\"" + UUID.randomUUID()
                    + "\",\"exchangeId\":\"" + UUID.randomUUID() + "\",\"version\":1,\"at\":\"" + Instant.now()
                    + "\",\"nonce\":\"" + HexFormat.of().formatHex(nonce) + "\",\"padding\":\"";
            StringBuilder plain = new StringBuilder(entry);
            while (plain.length() < 4096 - 2) {
                plain.append('0');
            }
            plain.append("\"}");
            byte[] plaintext = plain.toString().getBytes(StandardCharsets.UTF_8);
            try {
                JWEObject jwe = new JWEObject(new JWEHeader(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM),
                        new Payload(plaintext));
                jwe.encrypt(new ECDHEncrypter(auditor.toECPublicKey()));
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(nonce);
                pool.add(new Provenance(jwe.serialize(), HexFormat.of().formatHex(sha.digest(plaintext))));
            } catch (JOSEException | java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return pool;
    }

    /** What varies from message to message. */
    record Facts(UUID exchangeId, int version, String publisherName, String publisherUrl, String recipientUrl,
            String subscription, Instant issuedAt, Provenance provenance) {}

    /** The JSON of a publication of this version of the incident; the rest follows from the exchange id. */
    static byte[] publication(Facts f) {
        SplittableRandom random = new SplittableRandom(f.exchangeId().getLeastSignificantBits());
        String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        Instant occurred = f.issuedAt().minus(2 + random.nextInt(48), ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant detected = occurred.plus(random.nextInt(120), ChronoUnit.MINUTES);
        String status = STATUSES[Math.min(STATUSES.length - 1, f.version() - 1 + random.nextInt(2))];
        String host = "wks" + String.format("%05d", random.nextInt(40_000));
        StringBuilder json = new StringBuilder(6000);
        json.append("{\"schema\":\"urn:cairn:exchange:1\",\"messageId\":\"").append(UUID.randomUUID())
                .append("\",\"kind\":\"publication\",\"issuedAt\":\"").append(f.issuedAt())
                .append("\",\"expiresAt\":\"").append(f.issuedAt().plus(7, ChronoUnit.DAYS))
                .append("\",\"publisher\":{\"name\":").append(IncidentBodies.quote(f.publisherName()))
                .append(",\"url\":\"").append(f.publisherUrl()).append("\"},\"recipient\":{\"url\":\"")
                .append(f.recipientUrl()).append("\"},\"subscription\":\"").append(f.subscription())
                .append("\",\"incident\":{\"id\":\"").append(f.exchangeId()).append("\",\"version\":")
                .append(f.version()).append(",\"title\":")
                .append(IncidentBodies.quote("Compromise of " + host + " in the storage service (" + category[1]
                        + ")"))
                .append(",\"summary\":").append(IncidentBodies.quote("A leaked access key was used to list and read "
                        + "buckets of several tenants from " + host + "; version " + f.version() + " of our account."))
                .append(",\"category\":{\"class\":\"").append(category[0]).append("\",\"type\":\"")
                .append(category[1]).append("\"},\"status\":\"").append(status)
                .append("\",\"determination\":\"").append(f.version() == 1 ? "suspected" : "confirmed")
                .append("\",\"severity\":\"").append(SEVERITIES[random.nextInt(SEVERITIES.length)])
                .append("\",\"occurredAt\":\"").append(occurred).append("\",\"detectedAt\":\"").append(detected)
                .append("\",\"updatedAt\":\"").append(f.issuedAt().truncatedTo(ChronoUnit.SECONDS))
                .append("\",\"affectedServices\":[],\"recommendedActions\":[\"Rotate the access keys of your "
                        + "buckets.\",\"Review your buckets' access logs.\"],\"indicators\":[")
                .append("{\"type\":\"ip-address\",\"value\":\"203.0.113.").append(random.nextInt(1, 255))
                .append("\",\"ioc\":true,\"tlp\":\"GREEN\"},{\"type\":\"domain\",\"value\":\"c2-")
                .append(random.nextInt(10_000)).append(".example\",\"ioc\":true,\"tlp\":\"GREEN\"}],\"personalData\":");
        if (random.nextInt(100) == 0) {
            json.append("{\"breach\":true,\"dataCategories\":[\"contact details\"],\"approximateSubjects\":1200,"
                    + "\"approximateRecords\":4800,\"likelyConsequences\":\"Phishing aimed at the affected users.\","
                    + "\"measuresTaken\":\"The key is revoked.\",\"awareAt\":\"").append(detected).append("\"}");
        } else {
            json.append("null");
        }
        json.append(",\"tlp\":\"GREEN\",\"pap\":\"GREEN\",\"hopBudget\":3,\"provenance\":{\"sealed\":\"")
                .append(f.provenance().sealed()).append("\",\"commitment\":\"").append(f.provenance().commitment())
                .append("\"},\"extensions\":{}}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
