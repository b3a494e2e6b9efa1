package io.cairn.compliance;

import io.cairn.federation.PersonalDataBreachReceived;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.system.IncidentsForSystem;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The duties that a personal-data breach stated by a provider starts here, by the regulatory profile of the legal
 * entity the received incident concerns (GDPR Art 33(2), GDPR-9): a controller records that its processor told it
 * and, unless it recorded its awareness already, becomes aware then, so that its 72 hours run from its own awareness;
 * a processor records that it became aware as processor, which opens its notice to the controller, due without undue
 * delay. In the transaction that received the statement, once per incident; what someone recorded already stays, and
 * the privacy officer may correct any of it.
 */
@Component
class ProviderBreachDuties {

    static final FactKey AWARENESS = new FactKey("gdpr", "awareness");
    static final FactKey PROCESSOR_AWARENESS = new FactKey("gdpr", "processor-awareness");

    private final IncidentsForSystem incidents;
    private final IncidentEntities entities;
    private final RegimeCatalogue catalogue;
    private final ComplianceRecording recording;

    ProviderBreachDuties(
            IncidentsForSystem incidents,
            IncidentEntities entities,
            RegimeCatalogue catalogue,
            ComplianceRecording recording) {
        this.incidents = incidents;
        this.entities = entities;
        this.catalogue = catalogue;
        this.recording = recording;
    }

    @EventListener
    void on(PersonalDataBreachReceived breach) {
        Optional<LegalEntityProfile> profile =
                incidents.incident(breach.incident()).flatMap(this::gdprProfile);
        if (profile.isEmpty()) {
            return;
        }
        GdprRole role = profile.get().gdprRole();
        String stated = statement(breach);
        if (role != GdprRole.PROCESSOR) {
            record(breach, FactKey.PROCESSOR_NOTIFIED_US, stated);
            record(
                    breach,
                    AWARENESS,
                    stated + " As controller, this organisation is aware from the moment its "
                            + "processor told it (GDPR Art 33(2)).");
        }
        if (role != GdprRole.CONTROLLER) {
            record(
                    breach,
                    PROCESSOR_AWARENESS,
                    stated + " As processor, this organisation must tell the controller "
                            + "without undue delay (GDPR Art 33(2)).");
        }
    }

    /** The profile of the incident's legal entity, when the GDPR applies to it. */
    private Optional<LegalEntityProfile> gdprProfile(IncidentView incident) {
        return entities.of(incident)
                .entity()
                .map(LegalEntities.Stored::profile)
                .filter(profile -> catalogue
                        .find(new RegimeId("gdpr"))
                        .map(gdpr -> RegimeApplicability.applies(gdpr.regime(), profile))
                        .orElse(false));
    }

    private void record(PersonalDataBreachReceived breach, FactKey key, String justification) {
        recording.recordFirst(
                breach.incident(),
                key,
                breach.at(),
                justification,
                breach.peer().value(),
                breach.actor());
    }

    private static String statement(PersonalDataBreachReceived breach) {
        String aware = breach.awareAt() == null
                ? ""
                : " (it became aware at " + DateTimeFormatter.ISO_INSTANT.format(breach.awareAt()) + ")";
        return "The provider " + breach.provider() + " stated a personal-data breach in " + breach.reference() + aware
                + "; received at " + DateTimeFormatter.ISO_INSTANT.format(breach.at()) + ".";
    }
}
