package io.cairn.federation;

import com.nimbusds.jose.jwk.JWKSet;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Receives a provider's messages, pushed to the inbox or pulled from its feed, on exactly one path: each message opened
 * with the provider's keys (fetched once more on a key id this instance does not know, as for its requests), its
 * signature verified once, then its addressing checked (published by that provider, to this instance, on a
 * subscription this instance holds there), then stored ({@link MessageReceipts}) to be applied apart
 * ({@link MessageApplying}). Verifying happens outside any transaction; the messages of an envelope pushed at once, or
 * of a page of a feed, are verified in parallel and stored in one transaction.
 */
@Service
class ProviderMessages {

    private final ExchangeReading reading;
    private final PeerRegistry registry;
    private final PeerKeyRefresh refresh;
    private final SubscriptionStore subscriptions;
    private final MessageReceipts receipts;
    private final ThisInstance instance;
    private final Clock clock;

    ProviderMessages(
            FederationSettings settings,
            PeerRegistry registry,
            PeerKeyRefresh refresh,
            SubscriptionStore subscriptions,
            MessageReceipts receipts,
            ThisInstance instance,
            Clock clock) {
        this.reading = new ExchangeReading(settings.maxMessageBytes().toBytes());
        this.registry = registry;
        this.refresh = refresh;
        this.subscriptions = subscriptions;
        this.receipts = receipts;
        this.instance = instance;
        this.clock = clock;
    }

    /**
     * Receives a message the provider peer pushed with this signed request, whose id is remembered with the message;
     * refused with the field or check that failed, storing nothing.
     */
    Outcome<MessageReceipts.Receipt> receive(String jws, PeerView provider, SeenRequests.Request request) {
        return verify(jws, provider, keysOf(provider), new HashMap<>())
                .map(message -> receipts.accept(new MessageReceipts.Push(
                                List.of(new MessageReceipts.Verified(
                                        message, jws, provider, ReceivedMessages.Via.PUSH)),
                                request))
                        .get(0));
    }

    /**
     * Receives the messages the provider peer pushed at once, in an envelope, with this signed request, which is
     * remembered with them: those that pass every check are stored together. Answers each message's receipt or
     * refusal, in their order.
     */
    List<Outcome<MessageReceipts.Receipt>> receiveAll(
            List<String> envelope, PeerView provider, SeenRequests.Request request) {
        return store(verifyAll(envelope, provider), ReceivedMessages.Via.PUSH, request);
    }

    /**
     * Messages of a provider received together (a page of its feed, an envelope it pushed), each verified: the
     * message or why it was refused, in their order.
     */
    record VerifiedMessages(List<String> jws, PeerView provider, List<Outcome<ExchangeMessage>> verified) {

        VerifiedMessages {
            jws = List.copyOf(jws);
            verified = List.copyOf(verified);
        }
    }

    /** Verifies every message received together from a provider, in parallel, outside any transaction. */
    VerifiedMessages verifyAll(List<String> jws, PeerView provider) {
        JWKSet keys = keysOf(provider);
        Map<UUID, Boolean> held = new ConcurrentHashMap<>();
        return new VerifiedMessages(
                jws,
                provider,
                jws.parallelStream()
                        .map(one -> verify(one, provider, keys, held))
                        .toList());
    }

    /**
     * Stores the messages of a verified page of a feed that passed, in one transaction. Answers each message's
     * receipt or refusal, in the page's order.
     */
    List<Outcome<MessageReceipts.Receipt>> storePage(VerifiedMessages page) {
        return store(page, ReceivedMessages.Via.PULL, null);
    }

    private List<Outcome<MessageReceipts.Receipt>> store(
            VerifiedMessages received, ReceivedMessages.Via via, SeenRequests.@Nullable Request request) {
        List<MessageReceipts.Verified> passed = new ArrayList<>();
        for (int i = 0; i < received.jws().size(); i++) {
            if (received.verified().get(i) instanceof Outcome.Done<ExchangeMessage> done) {
                passed.add(new MessageReceipts.Verified(
                        done.value(), received.jws().get(i), received.provider(), via));
            }
        }
        MessageReceipts.Push push = new MessageReceipts.Push(passed, request);
        // a pushed envelope is stored with the pushes received meanwhile; a page of a feed in a transaction of its own
        Iterator<MessageReceipts.Receipt> stored = passed.isEmpty()
                ? Collections.emptyIterator()
                : (via == ReceivedMessages.Via.PUSH
                                ? receipts.accept(push)
                                : receipts.acceptAll(List.of(push)).get(0))
                        .iterator();
        List<Outcome<MessageReceipts.Receipt>> answers =
                new ArrayList<>(received.jws().size());
        for (Outcome<ExchangeMessage> outcome : received.verified()) {
            answers.add(
                    outcome instanceof Outcome.Refused<ExchangeMessage> refused
                            ? Outcome.refused(refused.refusal())
                            : Outcome.done(stored.next()));
        }
        return answers;
    }

    private JWKSet keysOf(PeerView provider) {
        return registry.keysOf(provider);
    }

    /**
     * The message, when the JWS passes every check: signed by the provider, valid, fresh and addressed to this
     * instance on a subscription held there.
     *
     * @param held whether a subscription is held at the provider, by id, as found so far
     */
    private Outcome<ExchangeMessage> verify(String jws, PeerView provider, JWKSet keys, Map<UUID, Boolean> held) {
        if (!"provider".equals(provider.role()) || !provider.active()) {
            return Outcome.refused(Refusal.forbidden(FederationRefusals.NOT_AN_ACTIVE_PROVIDER, provider.role()));
        }
        Outcome<ExchangeMessage> opened = reading.open(jws, keys, clock.instant());
        if (unknownKey(opened)) {
            Optional<JWKSet> fetched = refresh.refetch(provider);
            if (fetched.isPresent()) {
                opened = reading.open(jws, fetched.get(), clock.instant());
            }
        }
        return opened.flatMap(message -> addressing(message, provider, held)
                .<Outcome<ExchangeMessage>>map(Outcome::refused)
                .orElseGet(() -> Outcome.done(message)));
    }

    private static boolean unknownKey(Outcome<ExchangeMessage> opened) {
        return opened instanceof Outcome.Refused<ExchangeMessage> refused
                && refused.refusal().code().equals(FederationRefusals.JWS_UNKNOWN_KEY.code());
    }

    /** Why the message is not for this instance from this provider, if it is not. */
    private Optional<Refusal> addressing(ExchangeMessage message, PeerView provider, Map<UUID, Boolean> held) {
        if (!PeerUrls.withoutTrailingSlash(message.publisher().url()).equals(provider.baseUrl())) {
            return Optional.of(Refusal.invalid("/publisher/url", FederationRefusals.PUBLISHER_NOT_SIGNER));
        }
        if (!PeerUrls.withoutTrailingSlash(message.recipient().url()).equals(instance.baseUrl())) {
            return Optional.of(
                    Refusal.invalid("/recipient/url", FederationRefusals.RECIPIENT_NOT_THIS, instance.baseUrl()));
        }
        boolean holds = held.computeIfAbsent(
                message.subscription(),
                id -> subscriptions
                        .upstream(new SubscriptionId(id))
                        .filter(subscription -> subscription.peer().equals(provider.id()))
                        .isPresent());
        return holds
                ? Optional.empty()
                : Optional.of(Refusal.invalid("/subscription", FederationRefusals.SUBSCRIPTION_NOT_HELD));
    }
}
