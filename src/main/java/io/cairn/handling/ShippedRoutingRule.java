package io.cairn.handling;

import io.cairn.identity.SecurityTeamFormed;
import io.cairn.shared.ActorRef;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a new instance the routing rule it needs, once, when it forms its security team: a catch-all that sends every
 * incident no other rule routes to that team, so that no accepted incident is left without a team. Rules that admins
 * add later go before it; an admin may change or remove it like any rule.
 */
@Component
class ShippedRoutingRule {

    static final String NAME = "Everything else to the security team";

    private final RoutingRules rules;
    private final ApplicationEventPublisher events;

    ShippedRoutingRule(RoutingRules rules, ApplicationEventPublisher events) {
        this.rules = rules;
        this.events = events;
    }

    @EventListener
    void add(SecurityTeamFormed formed) {
        UUID id = UUID.randomUUID();
        rules.add(new RoutingRule(id, 0, NAME, null, null, null, null, null, formed.team(),
                RoutingRule.OwnerStrategy.NONE, true, 0), formed.at());
        RoutingRule stored = rules.byId(id).orElseThrow();
        events.publishEvent(new RoutingRuleChanged(id.toString(), ActorRef.SYSTEM, formed.at(),
                RoutingRuleChanged.Verb.ADDED, Optional.empty(), Optional.of(ProcedureManagement.digest(stored))));
    }
}
