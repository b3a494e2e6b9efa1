package io.cairn.federation;

import io.cairn.incidents.IncidentView;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.Tlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What sharing one incident may do: publishing an incident reported here, or relaying one received from a provider
 * (then {@code relay} is its source). It says which subscriptions the incident matches, which words are proposed, what
 * the marking allows, what blocks sharing it at all, and checks the words a handler gives against the rules of a
 * relay: a hop budget no higher than the received one less one, a PAP no lower than the incident's, and no text that
 * names the provider unless the handler confirms it may.
 *
 * @param allows what the marking allows (see {@link PublicationState#allows()}); for a relay also
 *     {@code stays-here} (AMBER+STRICT), {@code hops-spent} (received with hop budget 0) and {@code
 *     upstream-retracted}
 */
record ShareScope(
        IncidentView view,
        @Nullable RelaySource relay,
        List<Subscription> candidates,
        PublicationWords defaults,
        PublicationMessages.Carrier carrier,
        String allows) {

    private static final UUID PROBE = new UUID(0, 0);

    ShareScope {
        candidates = List.copyOf(candidates);
    }

    /** What the marking allows of a received incident, or what stops its relay. */
    static String allowsRelay(IncidentView view, RelaySource relay) {
        if (view.tlp() == Tlp.RED) {
            return "never";
        }
        if (view.tlp() == Tlp.AMBER_STRICT) {
            return "stays-here";
        }
        if (relay.retracted()) {
            return "upstream-retracted";
        }
        return relay.snapshot().hopBudget() == 0 ? "hops-spent" : Publishing.allows(view.tlp());
    }

    /** Why the incident may not be shared at all, if it may not. */
    Optional<Refusal> blocked() {
        return switch (allows) {
            case "never" -> Optional.of(Refusal.conflict("tlp", FederationRefusals.RED_NEVER_LEAVES));
            case "stays-here" -> Optional.of(Refusal.conflict("tlp", FederationRefusals.AMBER_STRICT_STAYS));
            case "hops-spent" -> Optional.of(Refusal.conflict("hopBudget", FederationRefusals.HOPS_SPENT));
            case "upstream-retracted" -> Optional.of(Refusal.conflict(FederationRefusals.UPSTREAM_RETRACTED));
            default -> Optional.empty();
        };
    }

    /** Whether a rule may share it: CLEAR or GREEN, and nothing blocks it. */
    boolean ruleMay() {
        return "relay".equals(allows);
    }

    /** The words given, checked, with what is left out taken from {@code base}; for a relay, its rules too. */
    Outcome<PublicationWords> check(PublicationWords.Given given, PublicationWords base, boolean namesConfirmed) {
        return PublicationWords.check(given, base).flatMap(words -> {
            if (relay == null) {
                return Outcome.done(words);
            }
            List<Refusal.FieldProblem> problems = new ArrayList<>();
            if (words.hopBudget() > relay.hopBudgetLeft()) {
                problems.add(Refusal.FieldProblem.of(
                        "hopBudget", FederationRefusals.HOPS_ABOVE_RECEIVED, relay.hopBudgetLeft()));
            }
            if (words.pap().compareTo(view.pap()) < 0) {
                problems.add(Refusal.FieldProblem.of(
                        "pap", FederationRefusals.PAP_BELOW_INCIDENT, view.pap().label()));
            }
            if (!namesConfirmed) {
                naming(words)
                        .forEach(field -> problems.add(Refusal.FieldProblem.of(
                                field, FederationRefusals.NAMES_PROVIDER, relay.providerName())));
            }
            return problems.isEmpty()
                    ? Outcome.done(words)
                    : Outcome.refused(Refusal.ofProblems(Refusal.Kind.INVALID, problems));
        });
    }

    /** The fields of a relayed copy under these words that name the provider; none for an incident reported here. */
    List<String> naming(PublicationWords words) {
        return relay == null ? List.of() : relay.naming(Relays.texts(carrier.carried(words, PROBE, 1)));
    }
}
