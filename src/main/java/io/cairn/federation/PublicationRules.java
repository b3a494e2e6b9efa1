package io.cairn.federation;

import io.cairn.assets.ServiceSummary;
import io.cairn.incidents.IncidentChanged;
import io.cairn.incidents.IncidentEvent;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentMarked;
import io.cairn.incidents.IncidentObservable;
import io.cairn.incidents.IncidentReported;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.ObservableEvent;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import io.cairn.shared.Tlp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps publications in step with their incidents, in the transaction of each change: a subscription's publication
 * rule publishes an incident that now matches its filter and rule, when the incident is marked CLEAR or GREEN (AMBER
 * and AMBER+STRICT only by a handler's decision, RED never); every later change of what a published incident's message
 * carries is published anew to its whole audience (a change of marking as a {@code marking} message with its reason);
 * an incident marked RED is retracted and published no more. A change that alters nothing the message carries sends
 * nothing.
 */
@Component
class PublicationRules {

    private static final Logger log = LoggerFactory.getLogger(PublicationRules.class);
    private static final ActorRef RULES = new ActorRef("federation-rules", "publication rules");

    private final IncidentsForSystem incidents;
    private final Publications publications;
    private final PublicationDecisions decisions;
    private final FederationSettings settings;
    private final Relays relays;
    private final RelayFollowing relayFollowing;

    PublicationRules(
            IncidentsForSystem incidents,
            Publications publications,
            PublicationDecisions decisions,
            FederationSettings settings,
            Relays relays,
            RelayFollowing relayFollowing) {
        this.incidents = incidents;
        this.publications = publications;
        this.decisions = decisions;
        this.settings = settings;
        this.relays = relays;
        this.relayFollowing = relayFollowing;
    }

    @EventListener
    void reported(IncidentReported reported) {
        follow(reported, null);
    }

    @EventListener
    void changed(IncidentChanged changed) {
        if (changed instanceof IncidentChanged.StateChange || changed instanceof ObservableEvent) {
            follow(changed, changed instanceof IncidentMarked marked ? marked : null);
        }
    }

    /**
     * Whether the event is about an incident received from a provider, whose relay follows it: a change the provider
     * made once its whole version is applied ({@link RelayFollowing}, called by receiving), a change made here now.
     */
    private boolean relayed(IncidentEvent event, @Nullable IncidentMarked marked) {
        if (event.actor().id().startsWith("peer:")) {
            return true;
        }
        if (relays.of(event.incident()).isPresent()) {
            relayFollowing.follow(event.incident(), marked == null ? null : marked.reason());
            return true;
        }
        return false;
    }

    private void follow(IncidentEvent event, @Nullable IncidentMarked marked) {
        if (relayed(event, marked)) {
            return;
        }
        IncidentId id = event.incident();
        Optional<IncidentView> found = incidents.incident(id);
        if (found.isEmpty()) {
            return;
        }
        IncidentView view = found.get();
        Optional<Publication> stored = publications.lock(id);
        if (stored.isPresent() && stored.get().retracted()) {
            return;
        }
        if (view.tlp() == Tlp.RED) {
            stored.ifPresent(publication ->
                    decisions.retract(id, "The incident is now marked TLP:RED: it is shared no more.", null, RULES));
            return;
        }
        List<SubscriptionId> byRule = byRule(view, stored);
        if (stored.isEmpty() && byRule.isEmpty()) {
            return;
        }
        List<IncidentObservable> observables = incidents.observables(id);
        if (stored.isEmpty()) {
            publishByRule(view, observables, byRule);
            return;
        }
        Publication publication = stored.get();
        PublicationWords words = wordsAfter(publication.words(), marked);
        ExchangeMessage.Incident now = PublicationMessages.carried(
                view, observables, words, publication.exchangeId(), publication.exchangeVersion() + 1);
        decisions.follow(withWords(publication, words), now, marked == null ? null : marked.reason(), byRule, RULES);
    }

    private void publishByRule(IncidentView view, List<IncidentObservable> observables, List<SubscriptionId> to) {
        PublicationWords words = PublicationWords.defaults(view.description(), view.pap(), settings.hopBudget());
        if (decisions.publish(view, PublicationMessages.of(view, observables), to, words, null, "rule", RULES)
                instanceof Outcome.Refused<Publication> refused) {
            log.warn(
                    "Incident {} is not published by rule: {}",
                    view.id(),
                    refused.refusal().message());
        }
    }

    /** The subscriptions whose rule publishes the incident now and that do not receive it yet. */
    private List<SubscriptionId> byRule(IncidentView view, Optional<Publication> stored) {
        if (view.tlp() != Tlp.CLEAR && view.tlp() != Tlp.GREEN) {
            return List.of();
        }
        List<UUID> services = view.affectedServices().stream()
                .map(ServiceSummary::id)
                .map(id -> id.value())
                .toList();
        return decisions.candidates(view).stream()
                .filter(s -> s.rule() != null && s.rule().covers(view.determination(), view.severity(), services))
                .map(Subscription::id)
                .filter(s -> stored.map(p -> !p.reaches(s)).orElse(true))
                .toList();
    }

    /** The words, with the PAP a change of marking set. */
    private static PublicationWords wordsAfter(PublicationWords words, @Nullable IncidentMarked marked) {
        return marked == null
                ? words
                : new PublicationWords(
                        words.summary(),
                        words.recommendedActions(),
                        words.personalData(),
                        marked.pap(),
                        words.hopBudget());
    }

    private static Publication withWords(Publication p, PublicationWords words) {
        return new Publication(
                p.incident(),
                p.exchangeId(),
                p.exchangeVersion(),
                words,
                p.sent(),
                p.state(),
                p.retractionReason(),
                p.createdAt(),
                p.updatedAt(),
                p.version(),
                p.audience());
    }
}
