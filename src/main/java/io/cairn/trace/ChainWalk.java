package io.cairn.trace;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWEObjectJSON;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.MultiDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks an incident back from the hop it was received at to its origin, asking each hop with the auditor's signed
 * requests ({@link HopClient}): the receipts of the incident at the start, then at each hop its records of the message
 * it received, the message itself, whose provenance entry the auditor's key opens to name the hop that issued it and
 * what that hop received in turn, and that hop's record of issuing it. It collects and does not judge: {@link
 * TrailCheck} checks what it collected.
 */
final class ChainWalk {

    /** No chain is longer: a walk that has not reached the origin by then stops. */
    static final int MAX_HOPS = 64;

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HopClient client;
    private final JWK auditorKey;
    private final Clock clock;

    ChainWalk(HopClient client, JWK auditorKey, Clock clock) {
        this.client = client;
        this.auditorKey = auditorKey;
        this.clock = clock;
    }

    /** Walks from this hop's incident, following the newest version it received, as far as the hops answer. */
    ChainTrail walk(String startUrl, UUID incident) {
        String start = withoutTrailingSlash(startUrl);
        List<ChainTrail.Hop> hops = new ArrayList<>();
        try {
            JsonNode receipts = json(client.get(start, "/federation/v1/trace/incidents/" + incident));
            JsonNode newest =
                    receipts.path("receipts").path(receipts.path("receipts").size() - 1);
            Next next = new Next(start, String.valueOf(stringOf(newest.path("sha256"))), null);
            Set<String> seen = new HashSet<>();
            for (int hop = 0; hop < MAX_HOPS && next != null; hop++) {
                if (!seen.add(next.url() + " " + next.digest())) {
                    throw new Stopped("the chain loops back to " + next.url());
                }
                next = step(next, hops);
            }
            if (next != null) {
                throw new Stopped("no origin after " + MAX_HOPS + " hops");
            }
            return new ChainTrail(start, incident, clock.instant(), hops, null);
        } catch (Stopped stopped) {
            return new ChainTrail(start, incident, clock.instant(), hops, stopped.getMessage());
        } catch (JacksonException e) {
            return new ChainTrail(
                    start, incident, clock.instant(), hops, "an answer is not the JSON expected: " + e.getMessage());
        }
    }

    /**
     * Where the walk goes next: the hop, the digest of the message it received, and its record of issuing the message
     * the hop before received (null at the start).
     */
    private record Next(String url, String digest, ChainTrail.@Nullable Evidence issued) {}

    /** Collects one hop that received a message, and its publisher when that is the origin; null at the origin. */
    private @Nullable Next step(Next at, List<ChainTrail.Hop> hops) {
        Keys keys = keys(at.url());
        JsonNode answer = records(at.url(), at.digest());
        ChainTrail.Evidence received = JSON.treeToValue(answer, ChainTrail.Evidence.class);
        String message = stringOf(answer.path("message"));
        if (message == null) {
            hops.add(new ChainTrail.Hop(
                    at.url(), keys.checkpoint(), keys.witness(), at.issued(), received, null, null, null));
            throw new Stopped(at.url() + " holds no message of digest " + at.digest());
        }
        byte[] entry = open(message);
        JsonNode opened = JSON.readTree(entry);
        String publisher = String.valueOf(stringOf(opened.path("hop")));
        String publisherKeys = text(client.getPublic(publisher + "/federation/v1/jwks.json"));
        hops.add(new ChainTrail.Hop(
                at.url(),
                keys.checkpoint(),
                keys.witness(),
                at.issued(),
                received,
                message,
                Base64.getEncoder().encodeToString(entry),
                publisherKeys));
        ChainTrail.Evidence issued = evidence(publisher, at.digest());
        JsonNode upstream = opened.path("upstream");
        if (upstream.isMissingNode() || upstream.isNull()) {
            Keys origin = keys(publisher);
            hops.add(new ChainTrail.Hop(
                    publisher, origin.checkpoint(), origin.witness(), issued, null, null, null, null));
            return null;
        }
        return new Next(publisher, String.valueOf(stringOf(upstream.path("messageSha256"))), issued);
    }

    /** A hop's trail keys, as it states them. */
    private record Keys(String checkpoint, String witness) {}

    private Keys keys(String url) {
        JsonNode keys = json(client.get(url, "/federation/v1/trace/keys"));
        return new Keys(
                String.valueOf(stringOf(keys.path("checkpointKey"))),
                String.valueOf(stringOf(keys.path("witnessKey"))));
    }

    private ChainTrail.Evidence evidence(String url, String digest) {
        return JSON.treeToValue(records(url, digest), ChainTrail.Evidence.class);
    }

    /** The hop's records of one digest, and the message when it holds it. */
    private JsonNode records(String url, String digest) {
        if (!digest.matches("[0-9a-f]{64}")) {
            throw new Stopped("the digest to ask " + url + " about is no SHA-256: '" + digest + "'");
        }
        return json(client.get(url, "/federation/v1/trace/records/" + digest));
    }

    /** The text of a JSON string; null for anything else. */
    static @Nullable String stringOf(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }

    /** The plaintext of the message's provenance entry, opened with the auditor's key. */
    private byte[] open(String message) {
        try {
            JsonNode payload =
                    JSON.readTree(JWSObject.parse(message).getPayload().toString());
            JsonNode sealed = payload.path("incident").path("provenance").path("sealed");
            if (sealed.isObject()) {
                // sealed to several auditors: the recipient of this auditor's key opens it
                JWEObjectJSON toEach = JWEObjectJSON.parse(sealed.toString());
                toEach.decrypt(new MultiDecrypter(auditorKey));
                return toEach.getPayload().toBytes();
            }
            JWEObject toOne = JWEObject.parse(String.valueOf(stringOf(sealed)));
            JWEDecrypter decrypter =
                    auditorKey instanceof ECKey ec ? new ECDHDecrypter(ec) : new RSADecrypter((RSAKey) auditorKey);
            toOne.decrypt(decrypter);
            return toOne.getPayload().toBytes();
        } catch (ParseException | JacksonException e) {
            throw new Stopped("the message's provenance entry cannot be read: " + e.getMessage());
        } catch (JOSEException e) {
            throw new Stopped("the auditor's key does not open the message's provenance entry: it was sealed to "
                    + "another key (" + e.getMessage() + ")");
        }
    }

    private static JsonNode json(HopClient.Answer answer) {
        return JSON.readTree(text(answer));
    }

    private static String text(HopClient.Answer answer) {
        if (answer instanceof HopClient.Answer.Failed failed) {
            throw new Stopped(failed.reason());
        }
        return ((HopClient.Answer.Body) answer).text();
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The walk cannot go on. */
    private static final class Stopped extends RuntimeException {

        Stopped(String why) {
            super(why, null, false, false);
        }
    }
}
