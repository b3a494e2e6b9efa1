package io.cairn.federation;

import io.cairn.assets.ServiceSummary;
import io.cairn.incidents.Determination;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Severity;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.intake.providers.ProviderIntake;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the relayed copies of a received incident in step, in the caller's transaction, after each version the
 * provider sends and each change made here: a subscription whose rule relays received incidents gets a CLEAR or GREEN
 * one whose texts do not name the provider; a relayed copy is re-issued as a new version when what it carries changed
 * (the provider's facts always follow, its words only while no handler wrote words of their own); a retraction by the
 * provider, or a marking or hop budget that no longer allows relaying, retracts the copies with this instance's own
 * neutral words, never the provider's. Each re-issue is told in the incident's timeline.
 */
@Component
class RelayFollowing {

    static final ActorRef RELAYS = new ActorRef("federation-relays", "relay rules");
    static final String WITHDRAWN = "The source of this incident withdrew it.";
    static final String NO_LONGER_SHARED = "This incident may no longer be shared.";

    private static final Logger log = LoggerFactory.getLogger(RelayFollowing.class);

    private final IncidentsForSystem incidents;
    private final Publications publications;
    private final PublicationDecisions decisions;
    private final ShareScopes scopes;
    private final Relays relays;
    private final ProviderIntake intake;
    private final SubscriptionStore subscriptions;
    private final java.time.Clock clock;

    RelayFollowing(
            IncidentsForSystem incidents,
            Publications publications,
            PublicationDecisions decisions,
            ShareScopes scopes,
            Relays relays,
            ProviderIntake intake,
            SubscriptionStore subscriptions,
            java.time.Clock clock) {
        this.incidents = incidents;
        this.publications = publications;
        this.decisions = decisions;
        this.scopes = scopes;
        this.relays = relays;
        this.intake = intake;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /**
     * Follows the received incident's current state: after a provider's version (no marking reason: the copy's
     * marking message gets neutral words) or a change made here (with the reason given here, if its marking changed).
     */
    void follow(IncidentId id, @Nullable String markingReason) {
        if (publications.find(id).isEmpty() && !subscriptions.anyRelaysByRule()) {
            // neither relayed nor to be relayed by a rule: most received incidents, at no more cost than this
            return;
        }
        Optional<IncidentView> found = incidents.incident(id);
        if (found.isEmpty()) {
            return;
        }
        ShareScope scope = scopes.of(found.get(), incidents.observables(id));
        RelaySource source = scope.relay();
        if (source == null) {
            return;
        }
        Optional<Publication> stored = publications.lock(id);
        if (stored.isEmpty()) {
            byRuleFirst(scope, source);
        } else if (!stored.get().retracted()) {
            following(scope, source, stored.get(), markingReason);
        }
    }

    private void byRuleFirst(ShareScope scope, RelaySource source) {
        List<SubscriptionId> byRule = byRule(scope, source, null);
        if (byRule.isEmpty() || !scope.ruleMay()) {
            return;
        }
        IncidentId id = scope.view().id();
        if (!scope.naming(scope.defaults()).isEmpty()) {
            intake.note(id, RELAYS, "Not relayed by rule: the words received name the provider. A handler decides.");
            return;
        }
        Outcome<Publication> done =
                decisions.publish(scope.view(), scope.carrier(), byRule, scope.defaults(), null, "rule", RELAYS);
        if (done instanceof Outcome.Done<Publication> published) {
            relays.relayed(id, true, clock.instant());
            intake.note(id, RELAYS, "Relayed by rule to " + byRule.size() + " subscription(s) of our customers.");
        } else {
            log.warn("Incident {} is not relayed by rule: {}", id, ((Outcome.Refused<Publication>) done).refusal());
        }
    }

    private void following(
            ShareScope scope, RelaySource source, Publication publication, @Nullable String markingReason) {
        IncidentId id = scope.view().id();
        if (scope.blocked().isPresent()) {
            String reason = source.retracted() ? WITHDRAWN : NO_LONGER_SHARED;
            decisions.retract(id, reason, null, RELAYS);
            intake.note(id, RELAYS, "The relayed copy is retracted: " + reason);
            return;
        }
        boolean follow = relays.wordsFollow(id).orElse(true);
        PublicationWords words = follow ? followed(publication.words(), scope) : kept(publication.words(), scope);
        ExchangeMessage.Incident now =
                scope.carrier().carried(words, publication.exchangeId(), publication.exchangeVersion() + 1);
        List<SubscriptionId> added =
                scope.ruleMay() && scope.naming(words).isEmpty() ? byRule(scope, source, publication) : List.of();
        decisions.follow(withWords(publication, words), now, markingReason, added, RELAYS);
        long sent = publications.find(id).map(Publication::exchangeVersion).orElse(0L);
        if (sent > publication.exchangeVersion()) {
            intake.note(
                    id,
                    RELAYS,
                    "The relayed copy is re-issued as version " + sent + (follow ? "." : "; the words stay ours."));
        }
    }

    /** The provider's words now, this instance's hop budget, and the incident's PAP. */
    private static PublicationWords followed(PublicationWords words, ShareScope scope) {
        PublicationWords theirs = scope.defaults();
        return new PublicationWords(
                theirs.summary(),
                theirs.recommendedActions(),
                words.personalData(),
                scope.view().pap(),
                Math.min(words.hopBudget(), theirs.hopBudget()));
    }

    /** The handler's words, with a PAP no lower than the incident's and a hop budget no higher than allowed now. */
    private static PublicationWords kept(PublicationWords words, ShareScope scope) {
        return new PublicationWords(
                words.summary(),
                words.recommendedActions(),
                words.personalData(),
                words.pap().compareTo(scope.view().pap()) < 0 ? scope.view().pap() : words.pap(),
                Math.min(words.hopBudget(), scope.defaults().hopBudget()));
    }

    /** The subscriptions whose rule relays the incident and that do not receive it yet. */
    private static List<SubscriptionId> byRule(ShareScope scope, RelaySource source, @Nullable Publication stored) {
        ExchangeMessage.Incident facts = source.snapshot();
        List<UUID> services = scope.view().affectedServices().stream()
                .map(ServiceSummary::id)
                .map(s -> s.value())
                .toList();
        List<UUID> carried = scope.carrier().carried(scope.defaults(), new UUID(0, 0), 1).affectedServices().stream()
                .map(ExchangeMessage.AffectedService::id)
                .toList();
        List<UUID> all = carried.isEmpty() ? services : carried;
        return scope.candidates().stream()
                .filter(s -> s.rule() != null
                        && s.rule().relayReceived()
                        && s.rule()
                                .covers(
                                        Determination.fromCode(facts.determination()),
                                        Severity.fromCode(facts.severity()),
                                        all))
                .map(Subscription::id)
                .filter(s -> stored == null || !stored.reaches(s))
                .toList();
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
