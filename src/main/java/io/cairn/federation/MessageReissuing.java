package io.cairn.federation;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.ECKey;
import io.cairn.shared.ActorRef;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-issues a queued message that would be refused if it left as stored: one that expires within
 * {@link #FRESH_FOR} (a subscriber down for longer than a message lives, or a dead message an admin retries days
 * later), or that is signed by a key no longer valid by then (rotated out past its grace). The re-issue is the same
 * message (same message id, incident, version and words) with fresh times and the active key; it replaces the stored
 * one, so that the next read serves it again, and is recorded in the audit trail with its own digest
 * ({@code exchange-message.reissued}), which is what the next hop records on its receipt and a chain auditor matches.
 */
@Component
class MessageReissuing {

    /** How long at least a message stays valid when it leaves: past any transit and clock skew. */
    static final Duration FRESH_FOR = Duration.ofHours(1);

    private final FederationOutbox outbox;
    private final SigningKeyring keyring;
    private final SigningKeys keys;
    private final FederationSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile @Nullable ValidKeys lastRead;

    MessageReissuing(
            FederationOutbox outbox,
            SigningKeyring keyring,
            SigningKeys keys,
            FederationSettings settings,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.outbox = outbox;
        this.keyring = keyring;
        this.keys = keys;
        this.settings = settings;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * The message as it may leave now: the stored one while it stays valid for {@link #FRESH_FOR} under a key still
     * valid by then, else its re-issue.
     */
    String sendable(FederationOutbox.Stored message) {
        Instant until = freshUntil();
        if (message.expiresAt().isAfter(until) && validKeys(until).contains(keyId(message.jws()))) {
            return message.jws();
        }
        return Objects.requireNonNull(transactions.execute(status -> reissue(message)));
    }

    /** The moment a message that leaves now must still be valid at. */
    private Instant freshUntil() {
        Duration half = settings.messageLifetime().dividedBy(2);
        return clock.instant().plus(FRESH_FOR.compareTo(half) < 0 ? FRESH_FOR : half);
    }

    /** The ids of the keys this instance's signatures verify with until the moment, read at most every 5 s. */
    private Set<String> validKeys(Instant until) {
        ValidKeys read = lastRead;
        Instant now = clock.instant();
        if (read != null && read.readAt().plus(SigningKeyring.ACTIVE_KEY_REREAD).isAfter(now)) {
            return read.kids();
        }
        Set<String> kids =
                keys.validAt(until).stream().map(SigningKeys.Stored::kid).collect(Collectors.toUnmodifiableSet());
        lastRead = new ValidKeys(now, kids);
        return kids;
    }

    /** The keys valid for messages leaving now, as last read, and when. */
    private record ValidKeys(Instant readAt, Set<String> kids) {}

    /** The message issued again now: fresh times, the active key, the stored one replaced, the issue audited. */
    private String reissue(FederationOutbox.Stored message) {
        Instant now = clock.instant();
        ExchangeMessage stored = ExchangeJson.MAPPER.readValue(payload(message.jws()), ExchangeMessage.class);
        ExchangeMessage fresh = new ExchangeMessage(
                stored.schema(),
                stored.messageId(),
                stored.kind(),
                now,
                now.plus(settings.messageLifetime()),
                stored.publisher(),
                stored.recipient(),
                stored.subscription(),
                stored.incident(),
                stored.retraction(),
                stored.markingChange());
        ECKey key = keyring.activeKey();
        String jws = ExchangeSignatures.sign(ExchangeJson.write(fresh), key);
        if (!outbox.replace(message, jws, fresh.expiresAt())) {
            // another node issued it again first, and recorded that
            return outbox.current(message.id());
        }
        events.publishEvent(new ExchangeMessageIssued(
                message.incident(),
                message.exchangeId(),
                message.exchangeVersion(),
                message.subscription(),
                message.kind(),
                ExchangeMessageIssued.Verb.REISSUED,
                ActorRef.SYSTEM,
                now,
                ExchangeSignatures.sha256(jws)));
        return jws;
    }

    private static String keyId(String jws) {
        try {
            return JWSObject.parse(jws).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalStateException("a queued message is not a JWS", e);
        }
    }

    private static byte[] payload(String jws) {
        return Base64.getUrlDecoder().decode(jws.substring(jws.indexOf('.') + 1, jws.lastIndexOf('.')));
    }
}
