package io.cairn.federation;

import io.cairn.shared.Refusal;
import io.cairn.shared.RefusedException;
import io.cairn.shared.SharedRefusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subscriptions API for admins: the subscriptions customers hold at this instance and their publication rules,
 * this instance's subscriptions at its providers, and the providers' catalogues.
 */
@RestController
@RequestMapping("/api/v1/federation")
@Tag(name = "Federation")
class SubscriptionApi {

    /**
     * A subscription to make at a provider.
     *
     * @param provider the provider peer's id
     * @param services ids of services in the provider's catalogue; empty or left out for every service
     * @param minSeverity {@code low}, {@code medium}, {@code high} or {@code critical}; left out for every severity
     * @param categories RSIT classes ({@code intrusions}) or class/type pairs ({@code intrusions/system-compromise});
     *     empty or left out for every category
     */
    record NewSubscription(
            @Nullable PeerId provider,
            @Nullable List<String> services,
            @Nullable String minSeverity,
            @Nullable List<String> categories) {}

    /**
     * A subscription's new publication rule, or none, with the version the caller read.
     *
     * @param rule the rule; null to publish to the subscription only by a handler's decision
     */
    record RuleChange(
            SubscriptionRules.@Nullable RuleInput rule,
            @NotNull Long version) {}

    private final SubscriptionManagement subscriptions;

    SubscriptionApi(SubscriptionManagement subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Operation(
            operationId = "listCustomerSubscriptions",
            summary = "List the subscriptions customers hold at this instance (admin)")
    @GetMapping("/subscriptions")
    List<SubscriptionViews.Customers> customers() {
        return subscriptions.customerSubscriptions().orRefuse();
    }

    @Operation(
            operationId = "setPublicationRule",
            summary = "Set or clear a customer subscription's publication rule (admin)",
            description = "With a rule, every incident that matches the subscription's filter and the rule (confirmed "
                    + "only, a minimum severity, some of this instance's services) is published to it without a "
                    + "handler's decision; with `rule: null`, none is. Needs the version the caller read.")
    @ApiResponse(responseCode = "200", description = "The subscription, with its rule")
    @ApiResponse(responseCode = "409", description = "Someone changed the subscription since the caller read it.")
    @PutMapping("/subscriptions/{id}/rule")
    SubscriptionViews.Customers setRule(@PathVariable SubscriptionId id, @Valid @RequestBody RuleChange change) {
        return subscriptions
                .setPublicationRule(id, change.rule(), change.version())
                .orRefuse();
    }

    @Operation(
            operationId = "listUpstreamSubscriptions",
            summary = "List this instance's subscriptions at its providers (admin)")
    @GetMapping("/upstream-subscriptions")
    List<SubscriptionViews.Ours> ours() {
        return subscriptions.ourSubscriptions().orRefuse();
    }

    @Operation(
            operationId = "subscribeAtProvider",
            summary = "Subscribe at a provider peer (admin)",
            description = "Fetches the provider's catalogue anew, checks the filter against it, subscribes through the "
                    + "provider's `/federation/v1/subscriptions` and keeps the subscription under the id the provider "
                    + "gave it. A provider that does not answer, or refuses, is refused with its reason under "
                    + "`provider`, and nothing is stored.")
    @ApiResponse(responseCode = "201", description = "Subscribed; `Location` names it")
    @PostMapping("/upstream-subscriptions")
    ResponseEntity<SubscriptionViews.Ours> subscribe(@Valid @RequestBody NewSubscription subscription) {
        SubscriptionViews.Ours made = subscriptions
                .subscribe(
                        subscription.provider(),
                        new SubscriptionRules.FilterInput(
                                subscription.services(), subscription.minSeverity(), subscription.categories()))
                .orRefuse();
        return ResponseEntity.created(URI.create("/api/v1/federation/upstream-subscriptions/" + made.id()))
                .body(made);
    }

    @Operation(
            operationId = "cancelUpstreamSubscription",
            summary = "Cancel a subscription at its provider (admin)",
            description = "Cancels it at the provider, then here. A provider that does not answer, or answers "
                    + "something else, is refused with the reason and nothing changes here. Needs the version the "
                    + "caller read.")
    @ApiResponse(responseCode = "200", description = "The subscription, cancelled")
    @ApiResponse(responseCode = "409", description = "It is cancelled already, or changed since the caller read it.")
    @DeleteMapping("/upstream-subscriptions/{id}")
    SubscriptionViews.Ours cancel(
            @PathVariable SubscriptionId id, @RequestParam(required = false) @Nullable Long version) {
        if (version == null) {
            throw new RefusedException(Refusal.invalid("version", SharedRefusals.REQUIRED));
        }
        return subscriptions.cancel(id, version).orRefuse();
    }

    @Operation(operationId = "getProviderCatalogue", summary = "Get a provider's catalogue as last fetched (admin)")
    @GetMapping("/peers/{id}/catalogue")
    SubscriptionViews.Catalogue catalogue(@PathVariable PeerId id) {
        return subscriptions.catalogue(id).orRefuse();
    }

    @Operation(
            operationId = "refreshProviderCatalogue",
            summary = "Fetch a provider's catalogue anew (admin)",
            description = "From the provider's `/federation/v1/services`; a provider that does not answer, or answers "
                    + "garbage, is refused with the reason and the catalogue stays as it was.")
    @PostMapping("/peers/{id}/catalogue/refresh")
    SubscriptionViews.Catalogue refreshCatalogue(@PathVariable PeerId id) {
        return subscriptions.refreshCatalogue(id).orRefuse();
    }
}
