package io.cairn.handling;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentReported;
import io.cairn.incidents.IncidentView;
import io.cairn.shared.ActorRef;
import io.cairn.shared.Outcome;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Routes each new incident by the first routing rule that matches it: to the rule's team, and to an owner in it when
 * the rule picks one (round-robin or least-loaded).
 *
 * <p>Routing runs synchronously in the transaction that reports the incident. The incident is then never seen, nor
 * listed, without the team its rules give it, and a crash cannot leave it reported but unrouted (an after-commit
 * listener would need an outbox to be as safe). The price is that a report that matches a round-robin or
 * least-loaded rule holds that rule's row lock until it commits, which serialises those reports, and only those.
 * A rule that cannot be applied (its team was removed) is logged and skipped: it never refuses a report.
 */
@Component
class Routing {

    private static final Logger log = LoggerFactory.getLogger(Routing.class);

    private final RoutingRules rules;
    private final IncidentManagement incidents;
    private final IdentityManagement identity;

    Routing(RoutingRules rules, IncidentManagement incidents, IdentityManagement identity) {
        this.rules = rules;
        this.incidents = incidents;
        this.identity = identity;
    }

    @EventListener
    void on(IncidentReported reported) {
        Optional<RoutingRule> rule = rules.recent().stream().filter(r -> r.enabled() && matches(r, reported))
                .findFirst();
        if (rule.isEmpty()) {
            return;
        }
        RoutingRule chosen = rule.get();
        if (reported.team() != null && !reported.team().equals(chosen.team())) {
            // the reporter or the channel chose another team: their choice stands, and no owner from another team
            return;
        }
        UserId owner = ownerFor(chosen);
        Outcome<IncidentView> routed = incidents.route(reported.incident(), chosen.team(), owner,
                new ActorRef("routing", "routing rule " + chosen.name()));
        if (routed instanceof Outcome.Refused<IncidentView> refused) {
            log.warn("routing rule '{}' could not route {}: {}", chosen.name(), reported.incident(),
                    refused.refusal().message());
        }
    }

    static boolean matches(RoutingRule rule, IncidentReported reported) {
        return (rule.rsitClass() == null || rule.rsitClass().equals(reported.category().rsitClass()))
                && (rule.rsitType() == null || rule.rsitType().equals(reported.category().rsitType()))
                && (rule.template() == null || rule.template().equals(reported.template()))
                && (rule.businessUnit() == null || rule.businessUnit().equals(reported.businessUnit()))
                && (rule.asset() == null || rule.asset().toString().equals(String.valueOf(reported.asset())));
    }

    private @Nullable UserId ownerFor(RoutingRule rule) {
        if (rule.ownerStrategy() == RoutingRule.OwnerStrategy.NONE) {
            return null;
        }
        long turn = rules.nextTurn(rule.id());
        List<UserView> members = identity.members(rule.team()).stream().filter(UserView::enabled)
                .sorted(Comparator.comparing(UserView::username)).toList();
        if (members.isEmpty()) {
            return null;
        }
        if (rule.ownerStrategy() == RoutingRule.OwnerStrategy.ROUND_ROBIN) {
            return members.get((int) ((turn - 1) % members.size())).id();
        }
        Map<UserId, Long> open = incidents.openIncidentCounts(members.stream().map(UserView::id).toList());
        return members.stream().min(Comparator.comparing((UserView member) -> open.getOrDefault(member.id(), 0L))
                .thenComparing(UserView::username)).map(UserView::id).orElse(null);
    }
}
