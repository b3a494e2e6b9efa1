package io.cairn.compliance;

import java.util.List;
import java.util.Set;

/**
 * Which regimes and stages apply to a legal entity by its regulatory profile: the GDPR to controllers and processors
 * in an EU jurisdiction (the notifications to the authority and the people to controllers, the notice to the controller
 * to processors), NIS2 to essential and important entities, DORA to financial entities, SEC 8-K to registrants and
 * HIPAA to covered entities. A national variant applies as its base regime does: {@code nis2-nl} as {@code nis2}.
 */
final class RegimeApplicability {

    /** The Member States of the European Union. */
    static final Set<String> EU = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private static final String PROCESSOR_STAGE = "controller";

    private RegimeApplicability() {}

    /** Whether the regime applies to the legal entity. */
    static boolean applies(Regime regime, LegalEntityProfile profile) {
        String id = regime.id().value();
        if (base(id, "gdpr")) {
            return profile.jurisdictions().stream().anyMatch(EU::contains);
        }
        if (base(id, "nis2")) {
            return profile.nis2() != Nis2Status.NOT_IN_SCOPE;
        }
        if (base(id, "dora")) {
            return profile.doraFinancialEntity();
        }
        if (base(id, "sec-8k") || base(id, "sec")) {
            return profile.secRegistrant();
        }
        if (base(id, "hipaa")) {
            return profile.hipaaCoveredEntity();
        }
        return false;
    }

    /** The stages of the regime that apply to the legal entity: under the GDPR, by its role. */
    static List<Regime.Stage> stages(Regime regime, LegalEntityProfile profile) {
        if (!base(regime.id().value(), "gdpr")) {
            return regime.stages();
        }
        return regime.stages().stream()
                .filter(stage -> stage.id().equals(PROCESSOR_STAGE)
                        ? profile.gdprRole() != GdprRole.CONTROLLER
                        : profile.gdprRole() != GdprRole.PROCESSOR)
                .toList();
    }

    private static boolean base(String id, String base) {
        return id.equals(base) || id.startsWith(base + "-");
    }
}
