package io.cairn.handling.routing;

import io.cairn.handling.RoutingRuleChanged;
import io.cairn.identity.IdentityManagement;
import io.cairn.shared.ContentDigest;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Editing the ordered list of routing rules: adding a rule at the end, changing one at the version the admin saw,
 * moving one a place up or down, removing one. Each change publishes a {@link RoutingRuleChanged} for the audit
 * trail. The caller has checked the rights ({@link RoutingAccess}).
 */
@Service
class RoutingRuleEditing {

    private final RoutingRules rules;
    private final RoutingRuleChecks checks;
    private final IdentityManagement identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoutingRuleEditing(
            RoutingRules rules,
            RoutingRuleChecks checks,
            IdentityManagement identity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rules = rules;
        this.checks = checks;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** The rules in the order they are tried, the shipped rule's name in the reader's language. */
    List<RoutingRule> all() {
        return rules.all().stream().map(ShippedRoutingRule::shown).toList();
    }

    Outcome<RoutingRule> rule(RoutingRuleId id) {
        return rules.byId(id)
                .map(ShippedRoutingRule::shown)
                .map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.notFound("routing rule " + id)));
    }

    Outcome<RoutingRule> add(RoutingRuleDefinition definition) {
        RoutingRuleId id = RoutingRuleId.random();
        Outcome<RoutingRule> valid = checks.validate(id, 0, definition);
        if (!(valid instanceof Outcome.Done<RoutingRule> done)) {
            return valid;
        }
        Instant now = clock.instant();
        rules.add(done.value(), now);
        RoutingRule stored = rules.byId(id).orElseThrow();
        events.publishEvent(new RoutingRuleChanged(
                id.toString(),
                identity.requireActor().ref(),
                now,
                RoutingRuleChanged.Verb.ADDED,
                Optional.empty(),
                Optional.of(digest(stored))));
        return Outcome.done(stored);
    }

    Outcome<RoutingRule> change(RoutingRuleId id, RoutingRuleDefinition definition) {
        Optional<RoutingRule> found = rules.byId(id);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("routing rule " + id));
        }
        Outcome<RoutingRule> valid = checks.validate(
                id,
                found.get().position(),
                ShippedRoutingRule.asStored(definition, found.get().name()));
        if (!(valid instanceof Outcome.Done<RoutingRule> done)) {
            return valid;
        }
        Instant now = clock.instant();
        long version = Objects.requireNonNullElse(definition.version(), 0L);
        if (!rules.change(done.value(), version, now)) {
            return Outcome.refused(Refusal.stale(version, found.get().version()));
        }
        RoutingRule stored = rules.byId(id).orElseThrow();
        events.publishEvent(new RoutingRuleChanged(
                id.toString(),
                identity.requireActor().ref(),
                now,
                RoutingRuleChanged.Verb.CHANGED,
                Optional.of(digest(found.get())),
                Optional.of(digest(stored))));
        return Outcome.done(ShippedRoutingRule.shown(stored));
    }

    Outcome<List<RoutingRule>> move(RoutingRuleId id, boolean up) {
        List<RoutingRule> all = new ArrayList<>(rules.all());
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                at = i;
            }
        }
        if (at < 0) {
            return Outcome.refused(Refusal.notFound("routing rule " + id));
        }
        int to = up ? at - 1 : at + 1;
        if (to >= 0 && to < all.size()) {
            Collections.swap(all, at, to);
            Instant now = clock.instant();
            for (int i = 0; i < all.size(); i++) {
                rules.place(all.get(i).id(), i + 1, now);
            }
            events.publishEvent(new RoutingRuleChanged(
                    id.toString(),
                    identity.requireActor().ref(),
                    now,
                    up ? RoutingRuleChanged.Verb.MOVED_UP : RoutingRuleChanged.Verb.MOVED_DOWN,
                    Optional.of(ContentDigest.of("position " + (at + 1)).hex()),
                    Optional.of(ContentDigest.of("position " + (to + 1)).hex())));
        }
        return Outcome.done(all());
    }

    Outcome<RoutingRuleId> remove(RoutingRuleId id) {
        Optional<RoutingRule> found = rules.byId(id);
        if (found.isEmpty() || !rules.remove(id)) {
            return Outcome.refused(Refusal.notFound("routing rule " + id));
        }
        events.publishEvent(new RoutingRuleChanged(
                id.toString(),
                identity.requireActor().ref(),
                clock.instant(),
                RoutingRuleChanged.Verb.REMOVED,
                Optional.of(digest(found.get())),
                Optional.empty()));
        return Outcome.done(id);
    }

    /** The digest of a rule the audit trail records. */
    static String digest(RoutingRule rule) {
        return ContentDigest.of(rule.toString()).hex();
    }
}
