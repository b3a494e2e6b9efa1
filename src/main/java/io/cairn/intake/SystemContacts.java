package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import io.cairn.intake.system.ReporterContact;
import io.cairn.intake.system.ReporterContacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads how reporters can be reached, for other modules' reactions (see the interface). */
@Service
class SystemContacts implements ReporterContacts {

    private final IntakeReports reports;
    private final Acknowledged acknowledged;

    SystemContacts(IntakeReports reports, Acknowledged acknowledged) {
        this.reports = reports;
        this.acknowledged = acknowledged;
    }

    @Override
    @Transactional(readOnly = true)
    public ReporterContact contactOf(IncidentId incident) {
        return new ReporterContact(
                reports.language(incident).orElse(null),
                acknowledged.anonymousAddress(incident).orElse(null));
    }
}
