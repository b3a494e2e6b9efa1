package io.cairn.compliance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The regime triggers that decisions establish rather than users record as instants (that a breach is a
 * personal-data breach, that it is likely to result in a risk or a high risk, that an incident is significant under
 * NIS2, HIPAA's breach and its counts), and the recorded facts a decision withdraws (a classification as major that
 * the DORA decision now says is not major; a materiality determination that the SEC decision does not hold).
 */
final class DecisionTriggers {

    /**
     * A trigger a decision establishes: by which kind, when a version of that decision establishes it, and whether it
     * holds while the kind was never decided (then since ever: it sets no clock and no floor).
     */
    private record Rule(DecisionKind kind, Predicate<DecisionView.Version> holds, boolean undecided) {}

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("gdpr.personal-data-breach-confirmed", result(DecisionKind.PERSONAL_DATA_BREACH, "yes")),
            Map.entry("gdpr.risk-to-individuals", result(DecisionKind.GDPR_RISK, "risk", "high-risk")),
            Map.entry("gdpr.high-risk", result(DecisionKind.GDPR_RISK, "high-risk")),
            Map.entry(
                    "gdpr.communication-owed",
                    new Rule(
                            DecisionKind.GDPR_COMMUNICATION_EXEMPTION,
                            version -> version.result().equals("none"),
                            true)),
            Map.entry(
                    "gdpr.disproportionate-effort",
                    result(DecisionKind.GDPR_COMMUNICATION_EXEMPTION, "disproportionate-effort")),
            Map.entry("nis2.nis2-significant", result(DecisionKind.NIS2_SIGNIFICANT, "significant")),
            Map.entry("hipaa.hipaa-breach", result(DecisionKind.HIPAA_BREACH, "breach")),
            Map.entry("hipaa.affected-500-or-more", hipaa("individuals-affected", count -> count >= 500)),
            Map.entry("hipaa.affected-fewer-than-500", hipaa("individuals-affected", count -> count < 500)),
            Map.entry("hipaa.state-over-500", hipaa("largest-state-residents", count -> count > 500)));

    /** The triggers decisions establish, as {@code regime.trigger}. */
    static final Set<String> DERIVED = RULES.keySet();

    /** Recorded facts that hold only while the decision of the kind in force has one of the results. */
    private static final Map<String, Rule> WITHDRAWN_UNLESS = Map.of(
            "dora.dora-major", result(DecisionKind.DORA_MAJOR, "major"),
            "sec-8k.materiality-determined", result(DecisionKind.SEC_MATERIAL, "material"));

    /**
     * A trigger a decision establishes: since when it holds without a break, and whether an earlier version of the
     * decision did not hold it (a re-assessment made it hold, GDPR-11).
     */
    record Established(Instant since, boolean reassessed) {}

    private DecisionTriggers() {}

    /** The triggers the decisions establish now, by {@code regime.trigger}. */
    static Map<String, Established> established(Map<DecisionKind, DecisionView> decisions) {
        Map<String, Established> established = new LinkedHashMap<>();
        RULES.forEach((trigger, rule) -> {
            DecisionView decision = decisions.get(rule.kind());
            if (decision != null) {
                since(decision.history(), rule.holds()).ifPresent(found -> established.put(trigger, found));
            } else if (rule.undecided()) {
                established.put(trigger, new Established(Instant.EPOCH, false));
            }
        });
        return established;
    }

    /** Whether a decision in force withdraws the recorded fact. */
    static boolean withdrawn(String fact, Map<DecisionKind, DecisionView> decisions) {
        Rule rule = WITHDRAWN_UNLESS.get(fact);
        if (rule == null || !decisions.containsKey(rule.kind())) {
            return false;
        }
        return !rule.holds().test(decisions.get(rule.kind()).current());
    }

    private static java.util.Optional<Established> since(
            List<DecisionView.Version> newestFirst, Predicate<DecisionView.Version> holds) {
        int run = 0;
        while (run < newestFirst.size() && holds.test(newestFirst.get(run))) {
            run++;
        }
        if (run == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                new Established(newestFirst.get(run - 1).establishedAt(), run < newestFirst.size()));
    }

    private static Rule result(DecisionKind kind, String... results) {
        List<String> holding = List.of(results);
        return new Rule(kind, version -> holding.contains(version.result()), false);
    }

    private static Rule hipaa(String input, Predicate<Long> count) {
        return new Rule(
                DecisionKind.HIPAA_BREACH,
                version -> "breach".equals(version.result())
                        && version.inputs().get(input) instanceof Number number
                        && count.test(number.longValue()),
                false);
    }
}
