package io.cairn.federation;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks the signed request of a peer, or of a chain auditor configured at this hop ({@link ChainAuditors}, whose
 * {@code iss} is its key id): a JWT in {@code Authorization: Bearer}, signed by a registered active peer with
 * one of its keys, for this instance ({@code aud}), for this method and URL ({@code htm}, {@code htu}), fresh (at
 * most {@link #MAX_LIFETIME} between {@code iat} and {@code exp}) and used once ({@code jti}). A refusal names the
 * check that failed and never a key this instance holds.
 */
@Component
class PeerRequestVerifier {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    /** How far apart the clocks of two instances may be. */
    static final Duration SKEW = Duration.ofSeconds(60);
    /** Why a request whose id was used before is refused. */
    static final String REPLAY = "the JWT was used before (jti): a replay";

    /** The outcome of a check: the peer that signed, or why the request is refused. */
    sealed interface Verdict {

        /**
         * A peer's request that passed every check.
         *
         * @param unremembered the request's id when the caller is to remember it ({@link #verifyRememberingLater}),
         *     else null: remembered already
         */
        record Peer(PeerView peer, SeenRequests.@Nullable Request unremembered) implements Verdict {}

        record Auditor(String keyId) implements Verdict {}

        record Refused(String reason) implements Verdict {}
    }

    private final PeerRegistry registry;
    private final PeerKeyRefresh refresh;
    private final SeenRequests seen;
    private final ThisInstance instance;
    private final ChainAuditors auditors;
    private final Clock clock;

    PeerRequestVerifier(
            PeerRegistry registry,
            PeerKeyRefresh refresh,
            SeenRequests seen,
            ThisInstance instance,
            ChainAuditors auditors,
            Clock clock) {
        this.auditors = auditors;
        this.registry = registry;
        this.refresh = refresh;
        this.seen = seen;
        this.instance = instance;
        this.clock = clock;
    }

    /** Checks the token of a peer's request with this method to this path (without query) of this instance. */
    Verdict verify(String token, String method, String path) {
        return verify(token, method, path, true);
    }

    /**
     * Checks the token as {@link #verify} does but does not remember its id: the verdict carries it, for the caller to
     * remember in the transaction that stores what the request brought, and to refuse as a replay if it was used
     * before (the inbox does: one commit per batch of pushes instead of one more per push).
     */
    Verdict verifyRememberingLater(String token, String method, String path) {
        return verify(token, method, path, false);
    }

    private Verdict verify(String token, String method, String path, boolean rememberNow) {
        return parsed(token)
                .map(
                        jwt -> {
                            String issuer = claims(jwt).getIssuer();
                            Optional<PeerView> peer = issuer == null ? Optional.empty() : registry.byBaseUrl(issuer);
                            if (peer.isEmpty() || !peer.get().active()) {
                                return refused("iss is not the base URL of a registered, active peer");
                            }
                            Optional<JWK> key =
                                    keyOf(peer.get(), jwt.getHeader().getKeyID());
                            if (key.isEmpty()) {
                                return refused("the peer has no key with the JWT's kid");
                            }
                            if (!Signatures.verifies(jwt, key.get())) {
                                return refused(
                                        "the signature does not verify with the peer's key of that kid and an algorithm that "
                                                + "fits it");
                            }
                            return claimsProblem(claims(jwt), method, path)
                                    .<Verdict>map(PeerRequestVerifier::refused)
                                    .orElseGet(() -> remembered(claims(jwt), peer.get(), rememberNow));
                        },
                        PeerRequestVerifier::refused);
    }

    private Verdict remembered(JWTClaimsSet claims, PeerView peer, boolean rememberNow) {
        SeenRequests.Request request = request(claims);
        if (!rememberNow) {
            return new Verdict.Peer(peer, request);
        }
        return firstUse(request) ? new Verdict.Peer(peer, null) : refused(REPLAY);
    }

    private static SeenRequests.Request request(JWTClaimsSet claims) {
        Instant expiresAt = instant(claims.getExpirationTime());
        if (claims.getIssuer() == null || claims.getJWTID() == null || expiresAt == null) {
            throw new IllegalStateException("iss, jti and exp were checked before");
        }
        return new SeenRequests.Request(claims.getIssuer(), claims.getJWTID(), expiresAt.plus(SKEW));
    }

    private boolean firstUse(SeenRequests.Request request) {
        return seen.firstUse(request.issuer(), request.jti(), request.expiresAt(), clock.instant());
    }

    /** Checks the token of a chain auditor's request with this method to this path (without query). */
    Verdict verifyAuditor(String token, String method, String path) {
        return parsed(token)
                .map(
                        jwt -> {
                            String kid = jwt.getHeader().getKeyID();
                            Optional<JWK> key = auditors.byKeyId(kid);
                            if (key.isEmpty()) {
                                return refused("the JWT's kid names no chain auditor key configured at this hop");
                            }
                            if (!kid.equals(claims(jwt).getIssuer())) {
                                return refused("iss must be the chain auditor's key id, the JWT's kid");
                            }
                            if (!Signatures.verifies(jwt, key.get())) {
                                return refused(
                                        "the signature does not verify with that chain auditor key and an algorithm that fits "
                                                + "it");
                            }
                            return claimsProblem(claims(jwt), method, path)
                                    .<Verdict>map(PeerRequestVerifier::refused)
                                    .orElseGet(() -> firstUse(request(claims(jwt)))
                                            ? new Verdict.Auditor(kid)
                                            : refused(REPLAY));
                        },
                        PeerRequestVerifier::refused);
    }

    /** A token that parses as a signed JWT with claims and a header this exchange accepts, or why not. */
    private static Parsed parsed(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
            jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return new Parsed(null, "the bearer token is not a signed JWT");
        }
        return Signatures.headerProblem(jwt.getHeader())
                .map(problem -> new Parsed(null, problem))
                .orElseGet(() -> new Parsed(jwt, ""));
    }

    /** A parsed token, or the reason it is refused. */
    private record Parsed(@Nullable SignedJWT jwt, String problem) {

        Verdict map(Function<SignedJWT, Verdict> verdict, Function<String, Verdict> refused) {
            return jwt == null ? refused.apply(problem) : verdict.apply(jwt);
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException("the claims parsed before", e);
        }
    }

    private Optional<JWK> keyOf(PeerView peer, String kid) {
        JWKSet keys = registry.keysOf(peer);
        Optional<JWK> key = PublicKeySets.byKid(keys, kid);
        return key.isPresent() ? key : refresh.refetch(peer).flatMap(fetched -> PublicKeySets.byKid(fetched, kid));
    }

    private Optional<String> claimsProblem(JWTClaimsSet claims, String method, String path) {
        Instant now = clock.instant();
        Instant issuedAt = instant(claims.getIssueTime());
        Instant expiresAt = instant(claims.getExpirationTime());
        if (claims.getAudience() == null || !claims.getAudience().contains(instance.baseUrl())) {
            return Optional.of("aud is not this instance's base URL, " + instance.baseUrl());
        }
        if (issuedAt == null || expiresAt == null) {
            return Optional.of("iat and exp are required");
        }
        if (expiresAt.isBefore(now.minus(SKEW))) {
            return Optional.of("the JWT expired (exp)");
        }
        if (issuedAt.isAfter(now.plus(SKEW))) {
            return Optional.of("the JWT is issued in the future (iat)");
        }
        if (!expiresAt.isAfter(issuedAt)
                || Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0) {
            return Optional.of("exp must be after iat, and at most 5 minutes after it");
        }
        if (!method.equals(stringClaim(claims, "htm"))) {
            return Optional.of("htm is not the request's method, " + method);
        }
        String url = instance.url(path);
        if (!url.equals(stringClaim(claims, "htu"))) {
            return Optional.of("htu is not the request's URL without query, " + url);
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > 200) {
            return Optional.of("jti is required, at most 200 characters");
        }
        return Optional.empty();
    }

    private static @Nullable String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Verdict refused(String reason) {
        return new Verdict.Refused(reason);
    }
}
