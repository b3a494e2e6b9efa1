package io.cairn.federation;

import com.nimbusds.jose.jwk.ECKey;
import io.cairn.incidents.IncidentObservable;
import io.cairn.incidents.IncidentView;
import io.cairn.shared.ActorRef;
import io.cairn.shared.AuditableEvent;
import io.cairn.shared.AuditableEvents;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.Tlp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Makes the messages of a publication and queues them: the incident part as this instance shares it (its view, the
 * words, the indicators its marking lets go), and for each subscription of the audience a message of its own (a new
 * message id, the subscriber as recipient, this instance as publisher, an expiry {@code message-lifetime} after
 * issue), carrying one provenance entry per version, signed with the active key and written to the outbox.
 */
@Component
class PublicationMessages {

    /** The provenance of an incident part not yet sent: replaced by a sealed entry in each message. */
    static final ExchangeMessage.Provenance UNSEALED = ExchangeMessage.Provenance.compact("", "");

    private final ProvenanceSeal seal;
    private final Relays relays;
    private final SigningKeyring keyring;
    private final ThisInstance instance;
    private final FederationSettings settings;
    private final SubscriptionStore subscriptions;
    private final PeerRegistry peers;
    private final FederationOutbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublicationMessages(
            ProvenanceSeal seal,
            Relays relays,
            SigningKeyring keyring,
            ThisInstance instance,
            FederationSettings settings,
            SubscriptionStore subscriptions,
            PeerRegistry peers,
            FederationOutbox outbox,
            ApplicationEventPublisher events,
            Clock clock) {
        this.seal = seal;
        this.relays = relays;
        this.keyring = keyring;
        this.instance = instance;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.peers = peers;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Makes the incident part a publication's message carries, under these words, exchange id and version. */
    @FunctionalInterface
    interface Carrier {
        ExchangeMessage.Incident carried(PublicationWords words, UUID exchangeId, long version);
    }

    /** The carrier of an incident reported here: its view, its observables. */
    static Carrier of(IncidentView view, List<IncidentObservable> observables) {
        return (words, exchangeId, version) -> carried(view, observables, words, exchangeId, version);
    }

    /**
     * The incident part as this instance shares it: indicators are the observables marked no higher than the incident
     * and never RED; an incident marked AMBER+STRICT is never relayed (hop budget 0). Not sealed yet.
     */
    static ExchangeMessage.Incident carried(
            IncidentView view,
            List<IncidentObservable> observables,
            PublicationWords words,
            UUID exchangeId,
            long version) {
        return new ExchangeMessage.Incident(
                exchangeId,
                version,
                view.title(),
                words.summary(),
                new ExchangeMessage.Category(
                        view.category().rsitClass(), view.category().rsitType()),
                view.status().code(),
                view.determination().code(),
                view.severity().code(),
                view.occurredAt(),
                view.detectedAt(),
                view.updatedAt(),
                view.affectedServices().stream()
                        .map(service ->
                                new ExchangeMessage.AffectedService(service.id().value(), service.name()))
                        .toList(),
                words.recommendedActions(),
                observables.stream()
                        .filter(o -> o.tlp() != Tlp.RED && o.tlp().compareTo(view.tlp()) <= 0)
                        .map(o -> new ExchangeMessage.Indicator(
                                o.type(), o.value(), o.ioc(), o.tlp().label()))
                        .toList(),
                words.personalData(),
                view.tlp().label(),
                words.pap().label(),
                view.tlp() == Tlp.AMBER_STRICT ? 0 : words.hopBudget(),
                UNSEALED,
                Map.of());
    }

    /** The JSON of an incident part as stored between versions. */
    static String stored(ExchangeMessage.Incident incident) {
        return ExchangeJson.MAPPER.writeValueAsString(incident);
    }

    static ExchangeMessage.Incident read(String stored) {
        return ExchangeJson.MAPPER.readValue(stored, ExchangeMessage.Incident.class);
    }

    /**
     * Whether two incident parts carry the same: all but the version, the time of the last change (which moves with
     * changes the message does not carry) and the provenance.
     */
    static boolean carriesTheSame(ExchangeMessage.Incident one, ExchangeMessage.Incident other) {
        return stored(comparable(one)).equals(stored(comparable(other)));
    }

    private static ExchangeMessage.Incident comparable(ExchangeMessage.Incident i) {
        return new ExchangeMessage.Incident(
                i.id(),
                0,
                i.title(),
                i.summary(),
                i.category(),
                i.status(),
                i.determination(),
                i.severity(),
                i.occurredAt(),
                i.detectedAt(),
                Instant.EPOCH,
                i.affectedServices(),
                i.recommendedActions(),
                i.indicators(),
                i.personalData(),
                i.tlp(),
                i.pap(),
                i.hopBudget(),
                UNSEALED,
                i.extensions());
    }

    /** What a message says besides the incident: its kind, and the reason of a retraction or change of marking. */
    record Kind(
            String kind,
            ExchangeMessage.@Nullable Retraction retraction,
            ExchangeMessage.@Nullable MarkingChange markingChange) {

        static final Kind PUBLICATION = new Kind("publication", null, null);

        static Kind retraction(String reason) {
            return new Kind("retraction", new ExchangeMessage.Retraction(reason), null);
        }

        static Kind marking(String reason, String previousTlp, String previousPap) {
            return new Kind("marking", null, new ExchangeMessage.MarkingChange(reason, previousTlp, previousPap));
        }
    }

    /** The signed messages of one decision, one per subscription, and whether they relay a received incident. */
    record Prepared(List<FederationOutbox.Queued> messages, boolean relayed) {
        Prepared {
            messages = List.copyOf(messages);
        }
    }

    /**
     * Writes prepared messages to the outbox, due now, in one batch; each message is recorded in the audit trail with
     * the digest of its JWS ({@link ExchangeMessageIssued}), published or relayed, all in one append.
     */
    void enqueue(Prepared prepared, ActorRef actor) {
        if (prepared.messages().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        outbox.enqueue(prepared.messages(), now);
        ExchangeMessageIssued.Verb verb =
                prepared.relayed() ? ExchangeMessageIssued.Verb.RELAYED : ExchangeMessageIssued.Verb.PUBLISHED;
        // one append to the trail for the whole audience, a record per message
        events.publishEvent(new AuditableEvents(prepared.messages().stream()
                .<AuditableEvent>map(message -> new ExchangeMessageIssued(
                        message.incident(),
                        message.exchangeId(),
                        message.exchangeVersion(),
                        message.subscription(),
                        message.kind(),
                        verb,
                        actor,
                        now,
                        ExchangeSignatures.sha256(message.jws())))
                .toList()));
    }

    /**
     * Makes and signs one message of this kind about the incident part for each of the subscriptions that is still
     * active (a cancelled one gets nothing more), writing nothing (whether they relay is read once, here, for
     * {@link #enqueue}); refused when a message would be larger than
     * {@code max-message-bytes}.
     */
    Outcome<Prepared> prepare(
            Publication publication, ExchangeMessage.Incident unsealed, Kind kind, List<SubscriptionId> to) {
        Instant now = clock.instant();
        Optional<RelaySource> relay = relays.of(publication.incident());
        ExchangeMessage.Provenance provenance = seal.seal(new ProvenanceSeal.Entry(
                instance.baseUrl(),
                publication.incident().value(),
                unsealed.id(),
                unsealed.version(),
                now,
                relay.map(Relays::upstream).orElse(null)));
        ExchangeMessage.Incident incident = unsealed.revised(unsealed.version(), provenance);
        long max = settings.maxMessageBytes().toBytes();
        // the key, the subscriptions and the peers read once for the whole audience, not once per message
        ECKey key = keyring.activeKey();
        Map<SubscriptionId, PeerView> recipients = recipients();
        // signing is most of a publication's work: the messages are made and signed on every core, in the audience's
        // order (empty: too large, and then nothing is queued)
        List<Optional<FederationOutbox.Queued>> signed =
                to.stream().filter(recipients::containsKey).toList().parallelStream()
                        .map(id -> {
                            PeerView peer = Objects.requireNonNull(recipients.get(id));
                            return signed(message(id, peer, incident, kind, now), peer, publication, key, max);
                        })
                        .toList();
        if (signed.stream().anyMatch(Optional::isEmpty)) {
            return Outcome.refused(
                    Refusal.tooLarge("summary", FederationRefusals.MESSAGE_TOO_LARGE, String.valueOf(max)));
        }
        return Outcome.done(
                new Prepared(signed.stream().map(Optional::orElseThrow).toList(), relay.isPresent()));
    }

    /** The message signed and ready to queue; empty when it is larger than {@code max} bytes. */
    private static Optional<FederationOutbox.Queued> signed(
            ExchangeMessage message, PeerView peer, Publication publication, ECKey key, long max) {
        byte[] payload = ExchangeJson.write(message);
        return payload.length > max
                ? Optional.empty()
                : Optional.of(new FederationOutbox.Queued(
                        new SubscriptionId(message.subscription()),
                        peer.id(),
                        publication.incident(),
                        message.messageId(),
                        message.incident().id(),
                        message.incident().version(),
                        message.kind(),
                        ExchangeSignatures.sign(payload, key),
                        message.expiresAt()));
    }

    /** The peer of every active subscription, by subscription. */
    private Map<SubscriptionId, PeerView> recipients() {
        Map<PeerId, PeerView> known = new HashMap<>();
        peers.all().forEach(peer -> known.put(peer.id(), peer));
        Map<SubscriptionId, PeerView> recipients = new HashMap<>();
        subscriptions.customers((PeerId) null).stream()
                .filter(Subscription::active)
                .filter(s -> known.containsKey(s.peer()))
                .forEach(s -> recipients.put(s.id(), known.get(s.peer())));
        return recipients;
    }

    private ExchangeMessage message(
            SubscriptionId id, PeerView peer, ExchangeMessage.Incident incident, Kind kind, Instant now) {
        return new ExchangeMessage(
                ExchangeSchema.ID,
                UUID.randomUUID(),
                kind.kind(),
                now,
                now.plus(settings.messageLifetime()),
                new ExchangeMessage.Publisher(instance.name(), instance.baseUrl()),
                new ExchangeMessage.Recipient(peer.baseUrl()),
                id.value(),
                incident,
                kind.retraction(),
                kind.markingChange());
    }
}
