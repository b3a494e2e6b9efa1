package io.cairn.compliance;

import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Obligations across incidents by the status of their stages (the overdue ones, those due soon, all open ones), most
 * urgent first, leaving out incidents the user may not see.
 */
@Component
class ObligationListing {

    /** The states a list may ask for. */
    static final List<String> STATES = List.of(StageStatus.OVERDUE, StageStatus.DUE_SOON, StageStatus.OPEN);

    private final JdbcClient jdbc;
    private final Obligations obligations;
    private final ObligationReading reading;
    private final IncidentManagement incidents;
    private final Clock clock;

    ObligationListing(
            JdbcClient jdbc,
            Obligations obligations,
            ObligationReading reading,
            IncidentManagement incidents,
            Clock clock) {
        this.jdbc = jdbc;
        this.obligations = obligations;
        this.reading = reading;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** The obligations with a stage in the state ({@code open}: any required stage), earliest due first. */
    List<ObligationEntry> inState(String state) {
        Instant now = clock.instant();
        String select =
                "select distinct obligation_id from compliance_obligation_stage where required and submitted_at is null";
        List<UUID> ids = StageStatus.OVERDUE.equals(state)
                ? jdbc.sql(select + " and due_at < ?")
                        .param(Timestamp.from(now))
                        .query(UUID.class)
                        .list()
                : jdbc.sql(select).query(UUID.class).list();
        List<Obligations.Stored> stored =
                ids.stream().map(obligations::find).flatMap(Optional::stream).toList();
        return reading.views(stored).stream()
                .filter(view -> StageStatus.OPEN.equals(state)
                        || view.stages().stream()
                                .anyMatch(stage -> stage.status().equals(state)))
                .map(view -> incidents.incident(view.incident()).map(incident -> entry(view, incident)))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ObligationListing::earliestDue))
                .toList();
    }

    private static ObligationEntry entry(ObligationView view, IncidentView incident) {
        return new ObligationEntry(view, incident.reference(), incident.title());
    }

    private static Instant earliestDue(ObligationEntry entry) {
        return entry.obligation().stages().stream()
                .filter(stage -> !StageStatus.ENDED.contains(stage.status()))
                .map(ObligationView.Stage::dueAt)
                .filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(Instant.MAX);
    }
}
