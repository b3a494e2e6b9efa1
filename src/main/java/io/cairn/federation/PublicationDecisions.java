package io.cairn.federation;

import io.cairn.assets.ServiceSummary;
import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Severity;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.Tlp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decisions about sharing one incident, each in one transaction with its messages in the outbox and its audit
 * record: publish to subscriptions, change the words, publish a change of the incident anew, retract. Callers have
 * checked who decides; the incident's row of {@code federation_publication} is locked while a decision is taken, and
 * a decision on a version that is no longer stored is refused as stale.
 */
@Service
class PublicationDecisions {

    private final Publications publications;
    private final PublicationMessages messages;
    private final SubscriptionStore subscriptions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublicationDecisions(
            Publications publications,
            PublicationMessages messages,
            SubscriptionStore subscriptions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.publications = publications;
        this.messages = messages;
        this.subscriptions = subscriptions;
        this.events = events;
        this.clock = clock;
    }

    /** The active subscriptions of active customers whose filter the incident matches. */
    List<Subscription> candidates(IncidentView view) {
        return candidates(view.severity(), view.category(), view.affectedServices());
    }

    /** The active subscriptions of active customers whose filter an incident with these facts matches. */
    List<Subscription> candidates(Severity severity, Category category, List<ServiceSummary> affected) {
        List<UUID> services =
                affected.stream().map(ServiceSummary::id).map(id -> id.value()).toList();
        return subscriptions.activeAudience().stream()
                .filter(s -> s.filter().matches(severity, category, services))
                .toList();
    }

    /**
     * Publishes the incident to more subscriptions: the first time with these words (a new exchange id, version 1),
     * later the current version to the new ones only.
     */
    @Transactional
    Outcome<Publication> publish(
            IncidentView view,
            PublicationMessages.Carrier carrier,
            List<SubscriptionId> to,
            PublicationWords words,
            @Nullable Long version,
            String chosenBy,
            ActorRef actor) {
        if (view.tlp() == Tlp.RED) {
            return Outcome.refused(Refusal.conflict("tlp", FederationRefusals.RED_NEVER_LEAVES));
        }
        Optional<Publication> stored = publications.lock(view.id());
        Instant now = clock.instant();
        if (stored.isEmpty()) {
            return first(view, carrier, to, words, chosenBy, actor, now);
        }
        Publication publication = stored.get();
        if (publication.retracted()) {
            return Outcome.refused(Refusal.conflict(FederationRefusals.PUBLICATION_RETRACTED));
        }
        if (version == null || publication.version() != version) {
            return Outcome.refused(Refusal.stale(version == null ? 0 : version, publication.version()));
        }
        ExchangeMessage.Incident last = PublicationMessages.read(publication.sent());
        return sent(
                bumped(publication, publication.exchangeVersion(), publication.words(), last, now),
                last,
                PublicationMessages.Kind.PUBLICATION,
                to,
                to,
                chosenBy,
                publication,
                actor);
    }

    private Outcome<Publication> first(
            IncidentView view,
            PublicationMessages.Carrier carrier,
            List<SubscriptionId> to,
            PublicationWords words,
            String chosenBy,
            ActorRef actor,
            Instant now) {
        ExchangeMessage.Incident first = carrier.carried(words, UUID.randomUUID(), 1);
        Publication created = new Publication(
                view.id(),
                first.id(),
                1,
                words,
                PublicationMessages.stored(first),
                "published",
                null,
                now,
                now,
                1,
                List.of());
        return sent(created, first, PublicationMessages.Kind.PUBLICATION, to, to, chosenBy, null, actor);
    }

    /** Changes the words sent with the incident: a new version to the whole audience when it carries anything new. */
    @Transactional
    Outcome<Publication> reword(
            IncidentView view,
            PublicationMessages.Carrier carrier,
            PublicationWords words,
            long version,
            ActorRef actor) {
        Optional<Publication> stored = publications.lock(view.id());
        if (stored.isEmpty()) {
            return Outcome.refused(Refusal.conflict(FederationRefusals.NOT_PUBLISHED));
        }
        Publication publication = stored.get();
        if (publication.retracted()) {
            return Outcome.refused(Refusal.conflict(FederationRefusals.PUBLICATION_RETRACTED));
        }
        if (publication.version() != version) {
            return Outcome.refused(Refusal.stale(version, publication.version()));
        }
        if (view.tlp() == Tlp.RED) {
            return Outcome.refused(Refusal.conflict("tlp", FederationRefusals.RED_NEVER_LEAVES));
        }
        long next = publication.exchangeVersion() + 1;
        ExchangeMessage.Incident carried = carrier.carried(words, publication.exchangeId(), next);
        Publication changed = bumped(publication, next, words, carried, clock.instant());
        return sent(
                changed,
                carried,
                PublicationMessages.Kind.PUBLICATION,
                members(publication),
                List.of(),
                "handler",
                publication,
                actor,
                PublicationChanged.Verb.REWORDED);
    }

    /** Retracts the incident: a retraction to the whole audience, and it is published no more. */
    @Transactional
    Outcome<Publication> retract(IncidentId incident, String reason, @Nullable Long version, ActorRef actor) {
        Optional<Publication> stored = publications.lock(incident);
        if (stored.isEmpty()) {
            return Outcome.refused(Refusal.conflict(FederationRefusals.NOT_PUBLISHED));
        }
        Publication publication = stored.get();
        if (publication.retracted()) {
            return Outcome.refused(Refusal.conflict(FederationRefusals.PUBLICATION_RETRACTED));
        }
        if (version != null && publication.version() != version) {
            return Outcome.refused(Refusal.stale(version, publication.version()));
        }
        ExchangeMessage.Incident last = PublicationMessages.read(publication.sent());
        long next = publication.exchangeVersion() + 1;
        ExchangeMessage.Incident retracted = last.revised(next, last.provenance());
        Publication changed = bumped(publication, next, publication.words(), retracted, clock.instant());
        changed = changed.retractedFor(reason);
        return sent(
                changed,
                retracted,
                PublicationMessages.Kind.retraction(reason),
                members(publication),
                List.of(),
                "handler",
                publication,
                actor,
                PublicationChanged.Verb.RETRACTED);
    }

    /**
     * Publishes a change of an incident to its whole audience as a new version (a change of marking as a
     * {@code marking} message), and the current version to subscriptions its rules add; nothing when the change
     * alters nothing the message carries and no rule adds anyone.
     */
    @Transactional
    void follow(
            Publication publication,
            ExchangeMessage.Incident now,
            @Nullable String markingReason,
            List<SubscriptionId> added,
            ActorRef actor) {
        ExchangeMessage.Incident last = PublicationMessages.read(publication.sent());
        if (PublicationMessages.carriesTheSame(last, now)) {
            if (!added.isEmpty()) {
                Publication changed =
                        bumped(publication, publication.exchangeVersion(), publication.words(), last, clock.instant());
                sent(changed, last, PublicationMessages.Kind.PUBLICATION, added, added, "rule", publication, actor);
            }
            return;
        }
        boolean marking = !last.tlp().equals(now.tlp()) || !last.pap().equals(now.pap());
        PublicationMessages.Kind kind = marking
                ? PublicationMessages.Kind.marking(markingReason(markingReason, last, now), last.tlp(), last.pap())
                : PublicationMessages.Kind.PUBLICATION;
        Publication changed = bumped(publication, now.version(), publication.words(), now, clock.instant());
        List<SubscriptionId> to = new java.util.ArrayList<>(members(publication));
        to.addAll(added);
        sent(
                changed,
                now,
                kind,
                to,
                added,
                "rule",
                publication,
                actor,
                marking ? PublicationChanged.Verb.MARKING_CHANGED : PublicationChanged.Verb.UPDATED);
    }

    private static String markingReason(
            @Nullable String given, ExchangeMessage.Incident last, ExchangeMessage.Incident now) {
        String reason = given != null && !given.isBlank()
                ? given.strip()
                : "The marking changed from TLP:" + last.tlp() + " PAP:" + last.pap() + " to TLP:" + now.tlp() + " PAP:"
                        + now.pap() + ".";
        return reason.length() <= 2000 ? reason : reason.substring(0, 1999) + "\u2026";
    }

    private Outcome<Publication> sent(
            Publication changed,
            ExchangeMessage.Incident incident,
            PublicationMessages.Kind kind,
            List<SubscriptionId> to,
            List<SubscriptionId> added,
            String chosenBy,
            @Nullable Publication before,
            ActorRef actor) {
        return sent(changed, incident, kind, to, added, chosenBy, before, actor, PublicationChanged.Verb.PUBLISHED);
    }

    private Outcome<Publication> sent(
            Publication changed,
            ExchangeMessage.Incident incident,
            PublicationMessages.Kind kind,
            List<SubscriptionId> to,
            List<SubscriptionId> added,
            String chosenBy,
            @Nullable Publication before,
            ActorRef actor,
            PublicationChanged.Verb verb) {
        Outcome<PublicationMessages.Prepared> prepared = messages.prepare(changed, incident, kind, to);
        if (prepared instanceof Outcome.Refused<PublicationMessages.Prepared> refused) {
            return Outcome.refused(refused.refusal());
        }
        boolean stored = before == null ? publications.add(changed) : publications.change(changed, before.version());
        if (!stored) {
            long at = before == null ? 0 : before.version();
            return Outcome.refused(Refusal.stale(at, at + 1));
        }
        Instant now = clock.instant();
        publications.addToAudience(changed.incident(), added, chosenBy, now);
        messages.enqueue(((Outcome.Done<PublicationMessages.Prepared>) prepared).value(), actor);
        Publication after = publications.find(changed.incident()).orElseThrow();
        events.publishEvent(new PublicationChanged(
                changed.incident(),
                actor,
                now,
                verb,
                changed.exchangeVersion(),
                Optional.ofNullable(before).map(PublicationDecisions::digest),
                Optional.of(digest(after))));
        ExchangeMessage.PersonalData personalData = incident.personalData();
        if (personalData != null
                && personalData.breach()
                && !to.isEmpty()
                && verb != PublicationChanged.Verb.RETRACTED) {
            events.publishEvent(new PersonalDataBreachPublished(
                    changed.incident(),
                    changed.exchangeId(),
                    changed.exchangeVersion(),
                    subscriptions.customerNames(to),
                    actor,
                    now));
        }
        return Outcome.done(after);
    }

    private static List<SubscriptionId> members(Publication publication) {
        return publication.audience().stream()
                .map(Publication.Member::subscription)
                .toList();
    }

    private static Publication bumped(
            Publication p, long exchangeVersion, PublicationWords words, ExchangeMessage.Incident sent, Instant now) {
        return new Publication(
                p.incident(),
                p.exchangeId(),
                exchangeVersion,
                words,
                PublicationMessages.stored(sent),
                p.state(),
                p.retractionReason(),
                p.createdAt(),
                now,
                p.version() + 1,
                p.audience());
    }

    private static String digest(Publication p) {
        return ContentDigest.of(String.join(
                        "\n",
                        p.exchangeId().toString(),
                        String.valueOf(p.exchangeVersion()),
                        p.sent(),
                        p.state(),
                        String.valueOf(p.retractionReason()),
                        p.audience().toString()))
                .hex();
    }
}
