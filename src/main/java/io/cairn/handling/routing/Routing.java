package io.cairn.handling.routing;

import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.identity.system.UsersForSystem;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.ReportRouting;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Routes each new report by the first enabled routing rule that matches it: to the rule's team, and to an owner in it
 * when the rule picks one (round-robin or least-loaded). A team the reporter or the channel chose stands: a rule for
 * another team leaves the report as it is, a rule for the same team may add an owner.
 *
 * <p>The incidents module asks before it stores the report, in the transaction that reports it, so the incident is
 * stored routed in one write: it is never seen, nor listed, without the team its rules give it, and routing costs no
 * second write of the incident. A report that matches a round-robin or least-loaded rule holds that rule's row lock
 * until it commits, which serialises those reports, and only those. A rule whose team is gone is logged and skipped:
 * it never refuses a report.
 */
@Component
class Routing implements ReportRouting {

    private static final Logger log = LoggerFactory.getLogger(Routing.class);

    private final RoutingRules rules;
    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final UsersForSystem users;

    Routing(RoutingRules rules, IncidentManagement incidents, IdentityManagement identity, UsersForSystem users) {
        this.rules = rules;
        this.incidents = incidents;
        this.identity = identity;
        this.users = users;
    }

    @Override
    public Optional<Route> route(Report report) {
        Optional<RoutingRule> rule = rules.recent().stream()
                .filter(r -> r.enabled() && matches(r, report))
                .findFirst();
        if (rule.isEmpty()
                || report.team() != null && !report.team().equals(rule.get().team())) {
            return Optional.empty();
        }
        RoutingRule chosen = rule.get();
        if (!identity.teamExists(chosen.team())) {
            log.warn(
                    "routing rule '{}' routes to team {}, which does not exist: the report stays unrouted",
                    chosen.name(),
                    chosen.team());
            return Optional.empty();
        }
        return Optional.of(new Route(chosen.team(), ownerFor(chosen), chosen.name()));
    }

    /** The shipped rule's name in the reader's language while it keeps it (see {@link ShippedRoutingRule}). */
    @Override
    public String nameShown(String rule) {
        return ShippedRoutingRule.ruleName(rule);
    }

    static boolean matches(RoutingRule rule, Report report) {
        return (rule.rsitClass() == null
                        || rule.rsitClass().equals(report.category().rsitClass()))
                && (rule.rsitType() == null
                        || rule.rsitType().equals(report.category().rsitType()))
                && (rule.template() == null || rule.template().equals(report.template()))
                && (rule.businessUnit() == null || rule.businessUnit().equals(report.businessUnit()))
                && (rule.asset() == null || rule.asset().toString().equals(String.valueOf(report.asset())));
    }

    private @Nullable UserId ownerFor(RoutingRule rule) {
        if (rule.ownerStrategy() == RoutingRule.OwnerStrategy.NONE) {
            return null;
        }
        long turn = rules.nextTurn(rule.id());
        List<UserView> members = users.members(rule.team()).stream()
                .filter(UserView::enabled)
                .sorted(Comparator.comparing(UserView::username))
                .toList();
        if (members.isEmpty()) {
            return null;
        }
        if (rule.ownerStrategy() == RoutingRule.OwnerStrategy.ROUND_ROBIN) {
            return members.get((int) ((turn - 1) % members.size())).id();
        }
        Map<UserId, Long> open =
                incidents.openIncidentCounts(members.stream().map(UserView::id).toList());
        return members.stream()
                .min(Comparator.comparing((UserView member) -> open.getOrDefault(member.id(), 0L))
                        .thenComparing(UserView::username))
                .map(UserView::id)
                .orElse(null);
    }
}
