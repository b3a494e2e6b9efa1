package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of DORA's Art. 8(1) over any worksheet: exactly its definition, and more impact never makes it less. */
class DoraClassificationProperties {

    private final DoraClassificationRule rule = new DoraClassificationRule();

    private Map<String, Object> worksheet(
            boolean critical, boolean malicious, int downtime, int states, int economic, boolean media) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("critical-services-affected", critical);
        inputs.put("malicious-access", malicious);
        inputs.put("critical-downtime-hours", Amount.exactly(downtime));
        inputs.put("member-states", List.of("NL", "BE", "DE", "FR").subList(0, states));
        inputs.put("economic-impact-eur", Amount.exactly(economic));
        inputs.put("media-coverage", media);
        return inputs;
    }

    private boolean major(Map<String, Object> inputs) {
        return rule.evaluate(DecisionInputs.of(inputs), DecisionContext.none())
                .result()
                .orElseThrow()
                .equals("major");
    }

    @Property
    boolean isMajorExactlyWhenCriticalAndMaliciousOrTwoThresholds(
            @ForAll boolean critical,
            @ForAll boolean malicious,
            @ForAll @IntRange(max = 10) int downtime,
            @ForAll @IntRange(max = 4) int states,
            @ForAll @IntRange(max = 300_000) int economic,
            @ForAll boolean media) {
        int thresholds =
                (downtime > 2 ? 1 : 0) + (states >= 2 ? 1 : 0) + (economic > 100_000 ? 1 : 0) + (media ? 1 : 0);
        return major(worksheet(critical, malicious, downtime, states, economic, media))
                == (critical && (malicious || thresholds >= 2));
    }

    @Property
    void moreImpactNeverMakesAMajorIncidentNotMajor(
            @ForAll boolean malicious,
            @ForAll @IntRange(max = 10) int downtime,
            @ForAll @IntRange(max = 3) int states,
            @ForAll @IntRange(max = 300_000) int economic,
            @ForAll boolean media) {
        boolean before = major(worksheet(true, malicious, downtime, states, economic, media));
        boolean after = major(worksheet(true, malicious, downtime + 5, states + 1, economic + 100_000, true));
        assertThat(!before || after).isTrue();
    }
}
