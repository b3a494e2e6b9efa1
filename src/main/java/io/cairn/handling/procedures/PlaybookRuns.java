package io.cairn.handling.procedures;

import io.cairn.incidents.IncidentId;
import io.cairn.incidents.Status;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stored playbook runs: which playbook an incident follows ({@code playbook_run}), and its open mandatory tasks. */
@Component
class PlaybookRuns {

    private final JdbcClient jdbc;

    PlaybookRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The run of the incident: the playbook it follows, if any, and its open mandatory steps in playbook order. */
    PlaybookRun of(IncidentId incident) {
        List<PlaybookRun.OpenStep> open = jdbc.sql("select title, phase from task where incident_id = ? and mandatory "
                        + "and state = 'OPEN' order by position, created_at")
                .param(incident.value())
                .query((row, n) -> new PlaybookRun.OpenStep(
                        row.getString("title"),
                        row.getString("phase") == null ? null : Status.valueOf(row.getString("phase"))))
                .list();
        return new PlaybookRun(incident, playbookOf(incident), open);
    }

    /** Records that the incident follows the playbook; false when it already follows one. */
    boolean start(IncidentId incident, PlaybookId playbook, Instant now) {
        return jdbc.sql("insert into playbook_run (incident_id, playbook_id, started_at) values (?, ?, ?) "
                                + "on conflict (incident_id) do nothing")
                        .params(incident.value(), playbook.value(), Timestamp.from(now))
                        .update()
                == 1;
    }

    boolean exists(IncidentId incident) {
        return jdbc.sql("select exists (select 1 from playbook_run where incident_id = ?)")
                .param(incident.value())
                .query(Boolean.class)
                .single();
    }

    /** The playbook the incident follows, if any. */
    Optional<PlaybookId> playbookOf(IncidentId incident) {
        return jdbc.sql("select playbook_id from playbook_run where incident_id = ?")
                .param(incident.value())
                .query(UUID.class)
                .optional()
                .map(PlaybookId::new);
    }
}
