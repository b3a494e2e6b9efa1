package io.cairn.compliance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an incident has established for one regime: the instants of the triggers users recorded, and the triggers
 * decisions establish with since when (by trigger id within the regime).
 */
record RegimeFacts(Map<String, Instant> instants, Map<String, DecisionTriggers.Established> established) {

    RegimeFacts {
        instants = Map.copyOf(instants);
        established = Map.copyOf(established);
    }

    /** These facts and the submissions of the obligation's stages ({@code initial.submitted}), whose clocks follow. */
    RegimeFacts withSubmissions(java.util.Collection<StageState> stages) {
        Map<String, Instant> all = new LinkedHashMap<>(instants);
        stages.stream()
                .filter(stage -> stage.submittedAt() != null)
                .forEach(stage -> all.put(stage.stage() + Regime.SUBMITTED, stage.submittedAt()));
        return new RegimeFacts(all, established);
    }

    /** Whether the trigger holds: recorded, or established by a decision. */
    boolean holds(String trigger) {
        return instants.containsKey(trigger) || established.containsKey(trigger);
    }

    /** The instant of each fact for the clocks; no clock counts from before {@code floor}, when there is one. */
    Map<String, Instant> clockFacts(@org.jspecify.annotations.Nullable Instant floor) {
        Map<String, Instant> facts = new LinkedHashMap<>(instants);
        established.forEach((trigger, found) -> facts.putIfAbsent(trigger, found.since()));
        if (floor != null) {
            facts.replaceAll((trigger, at) -> at.isBefore(floor) ? floor : at);
        }
        return facts;
    }

    /** The facts of each regime of an incident from its recorded facts and its decisions, by regime id. */
    static Map<String, RegimeFacts> of(
            Map<FactKey, RegimeFactView> recorded, Map<DecisionKind, DecisionView> decisions) {
        Map<String, Map<String, Instant>> instants = new LinkedHashMap<>();
        recorded.forEach((key, fact) -> {
            if (!DecisionTriggers.withdrawn(key.toString(), decisions)) {
                instants.computeIfAbsent(key.regime(), regime -> new LinkedHashMap<>())
                        .put(key.trigger(), fact.at());
            }
        });
        Map<String, Map<String, DecisionTriggers.Established>> established = new LinkedHashMap<>();
        DecisionTriggers.established(decisions).forEach((fact, found) -> {
            FactKey key = FactKey.parse(fact).orElseThrow();
            established
                    .computeIfAbsent(key.regime(), regime -> new LinkedHashMap<>())
                    .put(key.trigger(), found);
        });
        Map<String, RegimeFacts> facts = new LinkedHashMap<>();
        java.util.Set<String> regimes = new java.util.LinkedHashSet<>(instants.keySet());
        regimes.addAll(established.keySet());
        regimes.forEach(regime -> facts.put(
                regime,
                new RegimeFacts(instants.getOrDefault(regime, Map.of()), established.getOrDefault(regime, Map.of()))));
        return facts;
    }
}
