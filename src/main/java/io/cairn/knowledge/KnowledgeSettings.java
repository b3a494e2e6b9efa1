package io.cairn.knowledge;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The settings of the knowledge module. */
final class KnowledgeSettings {

    private KnowledgeSettings() {}

    /**
     * Which incidents need a post-incident review before they close ({@code cairn.review.*}).
     *
     * @param requiredPriorities the priority levels (1 is the highest) whose incidents need a completed review
     */
    @ConfigurationProperties("cairn.review")
    record Review(Set<Integer> requiredPriorities) {

        Review {
            requiredPriorities = requiredPriorities == null ? Set.of(1, 2) : Set.copyOf(requiredPriorities);
        }
    }

    /**
     * How recurring incidents are found ({@code cairn.recurrence.*}).
     *
     * @param window how far back an earlier incident may lie to make a new one recurring
     * @param detectInterval how long a node waits between two passes over the incidents to check
     * @param limit the most earlier incidents kept per incident
     * @param maxPerPass the most incidents one pass checks; the rest wait for the next pass
     * @param passBudget how long one pass may keep checking; it stops after the batch that used it up
     */
    @ConfigurationProperties("cairn.recurrence")
    record Recurrence(Period window, Duration detectInterval, int limit, int maxPerPass, Duration passBudget) {

        Recurrence {
            window = window == null ? Period.ofMonths(6) : window;
            detectInterval = detectInterval == null ? Duration.ofSeconds(10) : detectInterval;
            limit = limit <= 0 ? 10 : Math.min(limit, 50);
            maxPerPass = maxPerPass <= 0 ? 200 : maxPerPass;
            passBudget = passBudget == null || passBudget.isNegative() || passBudget.isZero()
                    ? Duration.ofSeconds(1)
                    : passBudget;
        }
    }

    static List<Integer> sorted(Set<Integer> levels) {
        return levels.stream().sorted().toList();
    }
}
