package io.cairn.federation;

import io.cairn.shared.Refusal;

/** The reasons for which a subscription, its filter, its publication rule or a provider's catalogue is refused. */
enum SubscriptionRefusals implements Refusal.Reason {
    NOT_A_SERVICE_ID("subscription.not-a-service-id", "is not a service id (a UUID)"),
    NOT_OUR_SERVICE("subscription.not-our-service", "is not one of this instance's services"),
    SERVICE_RETIRED("subscription.service-retired", "is a retired service"),
    NOT_IN_CATALOGUE("subscription.not-in-catalogue", "is not in the provider's catalogue"),
    NAMED_TWICE("subscription.named-twice", "is named twice"),
    TOO_MANY("subscription.too-many", "names more than {0}"),
    NOT_A_CATEGORY(
            "subscription.not-a-category",
            "is not an RSIT class or class/type known to this instance, such as intrusions or "
                    + "intrusions/system-compromise"),
    NOT_A_SEVERITY("subscription.not-a-severity", "is not a severity: low, medium, high or critical"),
    NOT_A_PROVIDER("subscription.not-a-provider", "is not a provider peer"),
    PEER_NOT_ACTIVE("subscription.peer-not-active", "the peer is suspended"),
    NEEDS_PEER_ROLE("subscription.needs-peer-role", "only a peer registered as {0} may {1}; this peer is a {2}"),
    ALREADY_CANCELLED("subscription.already-cancelled", "the subscription is cancelled already"),
    PROVIDER_REFUSED("subscription.provider-refused", "{0} refused with HTTP {1}: {2}"),
    PROVIDER_GARBAGE("subscription.provider-garbage", "{0} answered something this instance cannot read: {1}");

    private final String code;
    private final String template;

    SubscriptionRefusals(String code, String template) {
        this.code = code;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }
}
