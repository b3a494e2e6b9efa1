package io.cairn.federation;

import io.cairn.assets.ServiceSummary;
import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentObservable;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.Severity;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link ShareScope} of an incident: for one reported here, its own facts and the default words; for one
 * received from a provider, the provider's facts (its severity and category, and this instance's services that run on
 * the provider's affected ones decide which subscriptions it matches) and the provider's words.
 */
@Component
class ShareScopes {

    private final Relays relays;
    private final PublicationDecisions decisions;
    private final FederationSettings settings;

    ShareScopes(Relays relays, PublicationDecisions decisions, FederationSettings settings) {
        this.relays = relays;
        this.decisions = decisions;
        this.settings = settings;
    }

    ShareScope of(IncidentView view, List<IncidentObservable> observables) {
        Optional<RelaySource> relay = relays.of(view.id());
        if (relay.isEmpty()) {
            return new ShareScope(
                    view,
                    null,
                    decisions.candidates(view),
                    PublicationWords.defaults(view.description(), view.pap(), settings.hopBudget()),
                    PublicationMessages.of(view, observables),
                    Publishing.allows(view.tlp()));
        }
        RelaySource source = relay.get();
        ExchangeMessage.Incident facts = source.snapshot();
        List<ServiceSummary> services = relays.services(view, source);
        return new ShareScope(
                view,
                source,
                decisions.candidates(
                        Severity.fromCode(facts.severity()),
                        new Category(
                                facts.category().rsitClass(), facts.category().type()),
                        services),
                Relays.defaults(view, source),
                relays.carrier(view, source),
                ShareScope.allowsRelay(view, source));
    }
}
