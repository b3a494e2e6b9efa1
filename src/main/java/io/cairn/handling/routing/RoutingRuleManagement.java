package io.cairn.handling.routing;

import io.cairn.shared.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of routing rules, the ordered list that gives a new incident a team and an owner ({@link Routing}
 * applies it): admins, handlers and coordinators read the rules, only admins edit them ({@link RoutingAccess}); the
 * edits are {@link RoutingRuleEditing}'s. Public for the module's tests of other parts that set up a rule.
 */
@Service
public class RoutingRuleManagement {

    private final RoutingAccess access;
    private final RoutingRuleEditing editing;

    RoutingRuleManagement(RoutingAccess access, RoutingRuleEditing editing) {
        this.access = access;
        this.editing = editing;
    }

    /** The routing rules in the order they are tried; the shipped rule's name is in the reader's language. */
    @Transactional(readOnly = true)
    Outcome<List<RoutingRule>> routingRules() {
        return read(() -> Outcome.done(editing.all()));
    }

    @Transactional(readOnly = true)
    Outcome<RoutingRule> routingRule(RoutingRuleId id) {
        return read(() -> editing.rule(id));
    }

    /** Adds a rule at the end of the list (admin only). */
    @Transactional
    public Outcome<RoutingRule> addRoutingRule(RoutingRuleDefinition definition) {
        return edit("add routing rules", () -> editing.add(definition));
    }

    /** Changes a rule (admin only), if it is still at the version the admin saw. */
    @Transactional
    Outcome<RoutingRule> changeRoutingRule(RoutingRuleId id, RoutingRuleDefinition definition) {
        return edit("change routing rules", () -> editing.change(id, definition));
    }

    /** Moves a rule one place up or down the list (admin only). */
    @Transactional
    Outcome<List<RoutingRule>> moveRoutingRule(RoutingRuleId id, boolean up) {
        return edit("reorder routing rules", () -> editing.move(id, up));
    }

    /** Removes a rule (admin only). */
    @Transactional
    Outcome<RoutingRuleId> removeRoutingRule(RoutingRuleId id) {
        return edit("remove routing rules", () -> editing.remove(id));
    }

    private <T> Outcome<T> read(Supplier<Outcome<T>> reading) {
        return access.refuseReader().<Outcome<T>>map(Outcome::refused).orElseGet(reading);
    }

    private <T> Outcome<T> edit(String what, Supplier<Outcome<T>> change) {
        Optional<Outcome<T>> refused = access.refuseEditor(what).map(Outcome::refused);
        return refused.orElseGet(change);
    }
}
