package io.cairn.handling.routing;

import io.cairn.handling.RoutingRuleChanged;
import io.cairn.identity.SecurityTeamFormed;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Language;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a new instance the routing rule it needs, once, when it forms its security team: a catch-all that sends every
 * incident no other rule routes to that team, so that no accepted incident is left without a team. Rules that admins
 * add later go before it; an admin may change or remove it like any rule. Its name is shown in the reader's
 * language while nobody renamed it.
 */
@Component
class ShippedRoutingRule {

    static final String NAME = "Everything else to the security team";

    /** The Dutch name of the catch-all routing rule. */
    private static final String DUTCH_NAME = "Al het overige naar het securityteam";

    private final RoutingRules rules;
    private final ApplicationEventPublisher events;

    ShippedRoutingRule(RoutingRules rules, ApplicationEventPublisher events) {
        this.rules = rules;
        this.events = events;
    }

    @EventListener
    void add(SecurityTeamFormed formed) {
        RoutingRuleId id = RoutingRuleId.random();
        rules.add(
                new RoutingRule(
                        id,
                        0,
                        NAME,
                        null,
                        null,
                        null,
                        null,
                        null,
                        formed.team(),
                        RoutingRule.OwnerStrategy.NONE,
                        true,
                        0),
                formed.at());
        RoutingRule stored = rules.byId(id).orElseThrow();
        events.publishEvent(new RoutingRuleChanged(
                id.toString(),
                ActorRef.SYSTEM,
                formed.at(),
                RoutingRuleChanged.Verb.ADDED,
                Optional.empty(),
                Optional.of(RoutingRuleEditing.digest(stored))));
    }

    /** The name of a routing rule: the shipped one's in the reader's language while nobody renamed it. */
    static String ruleName(String name) {
        return NAME.equals(name) && Language.current() == Language.DUTCH ? DUTCH_NAME : name;
    }

    static RoutingRule shown(RoutingRule rule) {
        String name = ruleName(rule.name());
        return name.equals(rule.name())
                ? rule
                : new RoutingRule(
                        rule.id(),
                        rule.position(),
                        name,
                        rule.rsitClass(),
                        rule.rsitType(),
                        rule.template(),
                        rule.businessUnit(),
                        rule.asset(),
                        rule.team(),
                        rule.ownerStrategy(),
                        rule.enabled(),
                        rule.version());
    }

    /** A routing rule as someone saves it: the shipped name they were shown in their language stays the stored one. */
    static RoutingRuleDefinition asStored(RoutingRuleDefinition submitted, String storedName) {
        return submitted.name().equals(ruleName(storedName))
                ? new RoutingRuleDefinition(
                        storedName,
                        submitted.rsitClass(),
                        submitted.rsitType(),
                        submitted.template(),
                        submitted.businessUnit(),
                        submitted.asset(),
                        submitted.team(),
                        submitted.ownerStrategy(),
                        submitted.enabled(),
                        submitted.version())
                : submitted;
    }
}
