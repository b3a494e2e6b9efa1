package io.cairn.federation;

import io.cairn.assets.OfferedService;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider side of subscriptions, for customer peers that signed their request ({@link FederationSecurity}):
 * this instance's catalogue of services, and the caller's own subscriptions to make, read and cancel. A provider peer
 * calling is refused 403 naming the role; another peer's subscription is 404, as if it did not exist.
 */
@RestController
class SubscriptionEndpoints {

    private final CustomerSubscriptions subscriptions;

    SubscriptionEndpoints(CustomerSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping(ProviderCalls.SERVICES)
    SubscriptionJson.Catalogue services(@AuthenticationPrincipal PeerView peer) {
        List<OfferedService> offered = subscriptions.services(peer).orRefuse();
        return new SubscriptionJson.Catalogue(offered.stream()
                .map(s -> new SubscriptionJson.Offer(s.id().value(), s.name(), s.description()))
                .toList());
    }

    @PostMapping(ProviderCalls.SUBSCRIPTIONS)
    ResponseEntity<SubscriptionJson> subscribe(
            @AuthenticationPrincipal PeerView peer, @RequestBody SubscriptionRules.FilterInput filter) {
        Subscription made = subscriptions.subscribe(peer, filter).orRefuse();
        return ResponseEntity.created(URI.create(ProviderCalls.SUBSCRIPTIONS + "/" + made.id()))
                .body(SubscriptionJson.of(made));
    }

    @GetMapping(ProviderCalls.SUBSCRIPTIONS)
    SubscriptionJson.Listed mine(@AuthenticationPrincipal PeerView peer) {
        return new SubscriptionJson.Listed(subscriptions.mine(peer).orRefuse().stream()
                .map(SubscriptionJson::of)
                .toList());
    }

    @GetMapping(ProviderCalls.SUBSCRIPTIONS + "/{id}")
    SubscriptionJson one(@AuthenticationPrincipal PeerView peer, @PathVariable SubscriptionId id) {
        return SubscriptionJson.of(subscriptions.mine(peer, id).orRefuse());
    }

    @DeleteMapping(ProviderCalls.SUBSCRIPTIONS + "/{id}")
    SubscriptionJson cancel(@AuthenticationPrincipal PeerView peer, @PathVariable SubscriptionId id) {
        return SubscriptionJson.of(subscriptions.cancel(peer, id).orRefuse());
    }
}
