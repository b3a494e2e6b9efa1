package io.cairn.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * This instance's signing keys: exactly one active key signs what it sends; a rotation by an admin makes a new active
 * key and retires the old one, which stays published and valid for {@code cairn.federation.key-grace}, so that peers
 * verify what was signed just before. The first key is generated at the first start; nodes that start at once agree
 * on one (a lock, and at most one active key in the table).
 */
@Service
class SigningKeyring {

    private final SigningKeys keys;
    private final FederationSettings settings;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SigningKeyring(
            SigningKeys keys,
            FederationSettings settings,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /**
     * How long the active key, once read, is used without reading it again: every message and every request to a peer
     * is signed with it, and a publication to a thousand subscribers read and parsed it two thousand times. A key
     * rotated on another node is used here at most this long after: it stays valid for its peers for
     * {@code key-grace}.
     */
    static final Duration ACTIVE_KEY_REREAD = Duration.ofSeconds(5);

    /** The active key as last read, and when. */
    private record ReadKey(ECKey key, Instant readAt) {}

    private volatile @Nullable ReadKey lastRead;

    /** The active key, generated now when there is none yet. */
    @Transactional
    ECKey activeKey() {
        ReadKey read = lastRead;
        Instant now = clock.instant();
        if (read != null && read.readAt().plus(ACTIVE_KEY_REREAD).isAfter(now)) {
            return read.key();
        }
        Optional<SigningKeys.Stored> active = keys.active();
        if (active.isPresent()) {
            lastRead = new ReadKey(active.get().key(), now);
            return active.get().key();
        }
        keys.lockForRotation();
        return keys.active().map(SigningKeys.Stored::key).orElseGet(() -> generate(ActorRef.SYSTEM));
    }

    /** The public keys peers verify this instance's signatures with: the active key and those in their grace. */
    @Transactional(readOnly = true)
    JWKSet publishedKeys() {
        List<JWK> published = keys.validAt(clock.instant()).stream()
                .map(stored -> (JWK) stored.key().toPublicJWK())
                .toList();
        return new JWKSet(published);
    }

    /** Every key, the newest first (admins). */
    @Transactional(readOnly = true)
    Outcome<List<SigningKeyView>> keys() {
        return requireAdmin("see the federation signing keys")
                .<Outcome<List<SigningKeyView>>>map(Outcome::refused)
                .orElseGet(
                        () -> Outcome.done(keys.all().stream().map(this::view).toList()));
    }

    /**
     * Makes a new active key and retires the one the admin saw as active (admins): a rotation that raced another one
     * is refused as stale, so that two admins never rotate twice by accident.
     */
    @Transactional
    Outcome<SigningKeyView> rotate(@Nullable String activeKid) {
        Optional<Refusal> refusal = requireAdmin("rotate the federation signing key");
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        if (activeKid == null || activeKid.isBlank()) {
            return Outcome.refused(Refusal.invalid("activeKid", SharedRefusals.REQUIRED));
        }
        keys.lockForRotation();
        Optional<SigningKeys.Stored> active = keys.active();
        if (active.isEmpty() || !active.get().kid().equals(activeKid)) {
            return Outcome.refused(Refusal.of(
                    Refusal.Kind.STALE,
                    List.of(Refusal.FieldProblem.of(
                            "activeKid",
                            FederationRefusals.NOT_THE_ACTIVE_KEY,
                            active.map(SigningKeys.Stored::kid).orElse("none"))),
                    FederationRefusals.NOT_THE_ACTIVE_KEY,
                    active.map(SigningKeys.Stored::kid).orElse("none")));
        }
        ActorRef actor = identity.requireActor().ref();
        Instant now = clock.instant();
        String before = digest(view(active.get()));
        keys.retire(activeKid, now, now.plus(settings.keyGrace()));
        SigningKeys.Stored retired = keys.all().stream()
                .filter(stored -> stored.kid().equals(activeKid))
                .findFirst()
                .orElseThrow();
        events.publishEvent(new SigningKeyChanged(
                activeKid,
                actor,
                now,
                SigningKeyChanged.Verb.RETIRED,
                Optional.of(before),
                Optional.of(digest(view(retired)))));
        lastRead = null;
        ECKey next = generate(actor);
        return Outcome.done(
                view(keys.active().filter(k -> k.kid().equals(next.getKeyID())).orElseThrow()));
    }

    private ECKey generate(ActorRef actor) {
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key", e);
        }
        Instant now = clock.instant();
        if (!keys.addActive(key, now)) {
            throw new IllegalStateException("another signing key became active while this one was generated");
        }
        events.publishEvent(new SigningKeyChanged(
                key.getKeyID(),
                actor,
                now,
                SigningKeyChanged.Verb.GENERATED,
                Optional.empty(),
                Optional.of(digest(view(new SigningKeys.Stored(key, now, null, null))))));
        return key;
    }

    private SigningKeyView view(SigningKeys.Stored stored) {
        String state = stored.active()
                ? "active"
                : stored.validUntil() != null && stored.validUntil().isAfter(clock.instant()) ? "retired" : "expired";
        return new SigningKeyView(
                stored.kid(),
                JWSAlgorithm.ES256.getName(),
                state,
                stored.createdAt(),
                stored.retiredAt(),
                stored.validUntil());
    }

    private static String digest(SigningKeyView view) {
        return ContentDigest.of(view.kid() + "|" + view.createdAt() + "|" + view.retiredAt() + "|" + view.validUntil())
                .hex();
    }

    private Optional<Refusal> requireAdmin(String what) {
        return identity.currentActor().filter(actor -> actor.has(Role.ADMIN)).isPresent()
                ? Optional.empty()
                : Optional.of(Refusal.forbidden(SharedRefusals.NEEDS_ROLE, "admin", what));
    }
}
