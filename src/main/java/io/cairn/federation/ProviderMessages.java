package io.cairn.federation;

import com.nimbusds.jose.jwk.JWKSet;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Receives a provider's message, pushed to the inbox or pulled from its feed, on exactly one path: the message opened
 * with the provider's keys (fetched once more on a key id this instance does not know, as for its requests), then its
 * addressing checked (published by that provider, to this instance, on a subscription this instance holds there),
 * then stored and applied ({@link MessageApplying}). The signature is checked outside any transaction.
 */
@Service
class ProviderMessages {

    private final ExchangeReading reading;
    private final PeerRegistry registry;
    private final PeerKeyRefresh refresh;
    private final SubscriptionStore subscriptions;
    private final MessageApplying applying;
    private final ThisInstance instance;
    private final Clock clock;

    ProviderMessages(
            FederationSettings settings,
            PeerRegistry registry,
            PeerKeyRefresh refresh,
            SubscriptionStore subscriptions,
            MessageApplying applying,
            ThisInstance instance,
            Clock clock) {
        this.reading = new ExchangeReading(settings.maxMessageBytes().toBytes());
        this.registry = registry;
        this.refresh = refresh;
        this.subscriptions = subscriptions;
        this.applying = applying;
        this.instance = instance;
        this.clock = clock;
    }

    /** Receives a message the provider peer signed; refused with the field or check that failed, storing nothing. */
    Outcome<MessageApplying.Receipt> receive(String jws, PeerView provider, ReceivedMessages.Via via) {
        if (!"provider".equals(provider.role()) || !provider.active()) {
            return Outcome.refused(Refusal.forbidden(FederationRefusals.NOT_AN_ACTIVE_PROVIDER, provider.role()));
        }
        JWKSet keys = registry.keysOf(provider.id()).orElseGet(JWKSet::new);
        Outcome<ExchangeMessage> opened = reading.open(jws, keys, clock.instant());
        if (unknownKey(opened)) {
            Optional<JWKSet> fetched = refresh.refetch(provider);
            if (fetched.isPresent()) {
                opened = reading.open(jws, fetched.get(), clock.instant());
            }
        }
        return opened.flatMap(message -> addressing(message, provider)
                        .<Outcome<ExchangeMessage>>map(Outcome::refused)
                        .orElseGet(() -> Outcome.done(message)))
                .flatMap(message -> applying.apply(message, jws, provider, via));
    }

    private static boolean unknownKey(Outcome<ExchangeMessage> opened) {
        return opened instanceof Outcome.Refused<ExchangeMessage> refused
                && refused.refusal().code().equals(FederationRefusals.JWS_UNKNOWN_KEY.code());
    }

    /** Why the message is not for this instance from this provider, if it is not. */
    private Optional<Refusal> addressing(ExchangeMessage message, PeerView provider) {
        if (!PeerUrls.withoutTrailingSlash(message.publisher().url()).equals(provider.baseUrl())) {
            return Optional.of(Refusal.invalid("/publisher/url", FederationRefusals.PUBLISHER_NOT_SIGNER));
        }
        if (!PeerUrls.withoutTrailingSlash(message.recipient().url()).equals(instance.baseUrl())) {
            return Optional.of(
                    Refusal.invalid("/recipient/url", FederationRefusals.RECIPIENT_NOT_THIS, instance.baseUrl()));
        }
        boolean held = subscriptions
                .upstream(new SubscriptionId(message.subscription()))
                .filter(subscription -> subscription.peer().equals(provider.id()))
                .isPresent();
        return held
                ? Optional.empty()
                : Optional.of(Refusal.invalid("/subscription", FederationRefusals.SUBSCRIPTION_NOT_HELD));
    }
}
