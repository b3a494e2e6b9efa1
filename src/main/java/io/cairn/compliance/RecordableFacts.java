package io.cairn.compliance;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The regime facts users record as instants: every trigger of the regimes in force that no decision establishes
 * (GDPR's, NIS2's and DORA's awareness, DORA's classification as major, SEC's materiality determination, HIPAA's
 * discovery), and the controller's record that its processor told it of the breach (GDPR-9).
 */
@Component
class RecordableFacts {

    private final RegimeCatalogue catalogue;

    RecordableFacts(RegimeCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The recordable facts, regime by regime in the order of their files. */
    List<FactKey> all() {
        List<FactKey> keys = new ArrayList<>();
        catalogue.current().regimes().values().stream()
                .map(RegimeCatalogue.InForce::regime)
                .sorted(java.util.Comparator.comparing(regime -> regime.id().value()))
                .forEach(regime -> {
                    for (Regime.Trigger trigger : regime.triggers()) {
                        FactKey key = new FactKey(regime.id().value(), trigger.id());
                        if (!DecisionTriggers.DERIVED.contains(key.toString())) {
                            keys.add(key);
                        }
                    }
                    if (regime.id().value().equals(FactKey.PROCESSOR_NOTIFIED_US.regime())) {
                        keys.add(FactKey.PROCESSOR_NOTIFIED_US);
                    }
                });
        return keys;
    }

    boolean contains(FactKey key) {
        return all().contains(key);
    }

    /** The recordable facts as one text, for a message. */
    String codes() {
        return String.join(", ", all().stream().map(FactKey::toString).toList());
    }
}
