package io.cairn.intake;

import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentCommands;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.PriorityMatrix;
import io.cairn.shared.Outcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake module's entry point: turns what arrives through a channel into an incident.
 *
 * <p>Alerts are de-duplicated on source and reference: a repeat of an alert whose incident is still open is
 * counted there, with a timeline note, instead of opening another incident. Concurrent repeats are serialized on
 * the alert's row, so two copies arriving at once never open two incidents.
 */
@Service
public class IntakeManagement {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final IncidentManagement incidents;
    private final JdbcClient jdbc;
    private final Clock clock;

    IntakeManagement(IncidentManagement incidents, JdbcClient jdbc, Clock clock) {
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Receives an alert for the signed-in sender: opens an incident, or counts a repeat on the open one. */
    @Transactional
    public Outcome<AlertReceipt> receiveAlert(Alert alert) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into intake_alert (source, reference, repeats, first_seen, last_seen)
                values (?, ?, 0, ?, ?) on conflict do nothing""")
                .params(alert.source(), alert.reference(), Timestamp.from(now), Timestamp.from(now)).update();
        Seen seen = jdbc.sql("select incident_id, repeats from intake_alert where source = ? and reference = ? "
                        + "for update")
                .params(alert.source(), alert.reference())
                .query((row, n) -> new Seen(row.getObject("incident_id", UUID.class), row.getInt("repeats")))
                .single();
        Optional<IncidentView> open = seen.incident() == null ? Optional.empty()
                : incidents.incident(new IncidentId(seen.incident())).filter(i -> !i.status().isFinal());
        if (open.isPresent()) {
            return countRepeat(alert, open.get(), seen.repeats() + 1, now);
        }
        Outcome<AlertReceipt> opened = incidents.report(newIncident(alert)).map(created -> {
            remember(alert, created.id(), 1, now);
            return new AlertReceipt(created.id(), created.reference(), false, 1);
        });
        if (opened instanceof Outcome.Refused<AlertReceipt>) {
            // the claim on (source, reference) must not outlive a refused alert
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return opened;
    }

    private record Seen(@Nullable UUID incident, int repeats) {}

    private Outcome<AlertReceipt> countRepeat(Alert alert, IncidentView incident, int occurrences, Instant now) {
        String note = "Alert " + alert.source() + "/" + alert.reference() + " arrived again (" + occurrences
                + " times in all): " + alert.title();
        return incidents.addNote(incident.id(), new IncidentCommands.AddNote(note)).map(entry -> {
            remember(alert, incident.id(), occurrences, now);
            return new AlertReceipt(incident.id(), incident.reference(), true, occurrences);
        });
    }

    private void remember(Alert alert, IncidentId incident, int occurrences, Instant now) {
        jdbc.sql("""
                update intake_alert set incident_id = ?, repeats = ?, last_seen = ?,
                  observables = (select coalesce(jsonb_agg(distinct o), '[]'::jsonb)
                                 from jsonb_array_elements(observables || ?::jsonb) o)
                where source = ? and reference = ?""")
                .params(incident.value(), occurrences, Timestamp.from(now),
                        json.writeValueAsString(alert.observables()), alert.source(), alert.reference())
                .update();
    }

    private NewIncident newIncident(Alert alert) {
        PriorityMatrix matrix = incidents.priorityMatrix();
        int last = matrix.impacts().size();
        int lastUrgency = matrix.urgencies().size();
        int impact = switch (alert.severity()) {
            case CRITICAL, HIGH -> 1;
            case MEDIUM -> matrix.defaultImpact();
            case LOW -> last;
        };
        int urgency = switch (alert.severity()) {
            case CRITICAL -> 1;
            case HIGH, MEDIUM -> matrix.defaultUrgency();
            case LOW -> lastUrgency;
        };
        return new NewIncident(alert.title(), description(alert),
                alert.category() == null ? new Category("other", "undetermined") : alert.category(), null,
                alert.severity(), matrix.impactLabel(impact), matrix.urgencyLabel(urgency), null, null, null, null,
                null, null, alert.occurredAt(), latest(alert.occurredAt(), clock.instant()));
    }

    private static Instant latest(@Nullable Instant occurred, Instant now) {
        return occurred != null && occurred.isAfter(now) ? occurred : now;
    }

    private static String description(Alert alert) {
        StringBuilder text = new StringBuilder();
        text.append(alert.description() == null || alert.description().isBlank()
                ? "Alert from " + alert.source() : alert.description().trim());
        text.append("\n\nSource: ").append(alert.source()).append(", reference: ").append(alert.reference());
        List<Observable> observables = alert.observables();
        if (!observables.isEmpty()) {
            text.append("\n\nObservables:\n").append(observables.stream()
                    .map(o -> "- " + o.type().code() + ": " + o.value()).collect(Collectors.joining("\n")));
        }
        return text.toString();
    }

}
