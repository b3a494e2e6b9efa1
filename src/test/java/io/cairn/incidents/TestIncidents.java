package io.cairn.incidents;

import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Incidents for unit tests, made as a report makes them, without a database. */
final class TestIncidents {

    static final Instant REPORTED_AT = Instant.parse("2026-03-02T09:00:00Z");

    /** A three by three matrix: high, medium and low impact and urgency, priorities P1 to P5. */
    static final PriorityMatrix MATRIX = new PriorityMatrix(
            List.of("high", "medium", "low"),
            List.of("high", "medium", "low"),
            List.of("P1", "P2", "P3", "P4", "P5"),
            List.of(List.of(1, 2, 3), List.of(2, 3, 4), List.of(3, 4, 5)),
            0);

    private TestIncidents() {}

    /** A new incident with the given reporter, owner, team and confidentiality, each may be absent. */
    static Incident reported(
            @Nullable UserId reporter, @Nullable UserId owner, @Nullable TeamId team, boolean confidential) {
        ValidReport report = new ValidReport(
                "Phishing mail clicked",
                "Clicked the link in the invoice mail",
                new Category("fraud", "phishing"),
                Determination.SUSPECTED,
                Severity.MEDIUM,
                2,
                2,
                MATRIX.priorityOf(2, 2),
                Tlp.AMBER,
                Pap.AMBER,
                confidential,
                owner,
                team,
                null,
                null,
                null,
                null,
                null,
                DetectionSource.INTERNAL_HUMAN,
                null);
        return Incident.report(IncidentId.random(), report, reporter, REPORTED_AT);
    }

    /** A new incident reported by someone, with no owner or team, not confidential. */
    static Incident reported() {
        return reported(UserId.random(), null, null, false);
    }
}
