package io.cairn.intake;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.incidents.Category;
import io.cairn.incidents.DetectionSource;
import io.cairn.incidents.IncidentId;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.ObservableSource;
import io.cairn.incidents.ObservedValue;
import io.cairn.incidents.channels.ReporterChannels;
import io.cairn.incidents.system.IncidentsForSystem;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
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
 * Receives alerts from monitoring systems. An alert is accepted only for a registered, enabled source from one of
 * its senders, and only when it would open an incident: a repeat is checked exactly like a first alert.
 *
 * <p>Alerts are de-duplicated on source and reference: a repeat of an alert whose incident is still open is counted
 * there, with a timeline note, instead of opening another incident. The record belongs to the source, so only its
 * senders reach it. Concurrent repeats are serialized on the record's row, so two copies arriving at once never open
 * two incidents.
 */
@Service
class AlertReception {

    private static final JsonMapper json = JsonMapper.builder().build();

    /** Why an alert from a source that is not registered, not enabled or not the sender's is refused. */
    private static final Refusal UNKNOWN_SOURCE = unknownSource();

    private final AlertSources sources;
    private final IncidentManagement incidents;
    private final IncidentsForSystem system;
    private final ReporterChannels channels;
    private final IdentityManagement identity;
    private final JdbcClient jdbc;
    private final Clock clock;

    AlertReception(
            AlertSources sources,
            IncidentManagement incidents,
            IncidentsForSystem system,
            ReporterChannels channels,
            IdentityManagement identity,
            JdbcClient jdbc,
            Clock clock) {
        this.sources = sources;
        this.incidents = incidents;
        this.system = system;
        this.channels = channels;
        this.identity = identity;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Receives an alert from the signed-in sender: opens an incident, or counts a repeat on the open one. */
    @Transactional
    Outcome<AlertReceipt> receive(Alert alert) {
        Actor sender = identity.requireActor();
        if (!sources.accepts(alert.source(), sender.id())) {
            return Outcome.refused(UNKNOWN_SOURCE);
        }
        NewIncident report = newIncident(alert);
        Optional<Refusal> invalid = incidents.reportRefusal(report).or(() -> invalidObservable(alert));
        if (invalid.isPresent()) {
            return Outcome.refused(invalid.get());
        }
        Instant now = clock.instant();
        Seen seen = claim(alert, now);
        // the record belongs to the source, not to the sender: read its incident whoever may see it
        Optional<IncidentView> open = seen.incident() == null
                ? Optional.empty()
                : system.incident(new IncidentId(seen.incident()))
                        .filter(i -> !i.status().isFinal());
        if (open.isPresent()) {
            AlertReceipt counted = countRepeat(alert, sender, open.get(), seen.repeats() + 1, now);
            observe(alert, sender, counted.incident());
            return Outcome.done(counted);
        }
        Outcome<AlertReceipt> opened = incidents.report(report).map(created -> {
            remember(alert, created.id(), 1, now);
            observe(alert, sender, created.id());
            return new AlertReceipt(created.id(), created.reference(), false, 1);
        });
        if (opened instanceof Outcome.Refused<AlertReceipt>) {
            // the claim on (source, reference) must not outlive a refused alert
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return opened;
    }

    /** The first observable that is no value of its type, refused by its place in the alert. */
    private Optional<Refusal> invalidObservable(Alert alert) {
        List<Observable> observables = alert.observables();
        for (int i = 0; i < observables.size(); i++) {
            Observable observable = observables.get(i);
            String place = "observables[" + i + "].";
            if (incidents.observableValue(observable.type().code(), observable.value())
                    instanceof Outcome.Refused<String> refused) {
                return Optional.of(Refusal.ofProblems(
                        Refusal.Kind.INVALID,
                        refused.refusal().fields().stream()
                                .map(problem -> new Refusal.FieldProblem(
                                        place + problem.field(),
                                        problem.message(),
                                        problem.code(),
                                        problem.template(),
                                        problem.arguments()))
                                .toList()));
            }
        }
        return Optional.empty();
    }

    /** The alert's observables become the incident's, each once; each was checked before the alert was taken in. */
    private void observe(Alert alert, Actor sender, IncidentId incident) {
        channels.addObserved(
                incident,
                sender.ref(),
                ObservableSource.ALERT,
                alert.observables().stream()
                        .map(o -> new ObservedValue(o.type().code(), o.value()))
                        .toList());
    }

    private static Refusal unknownSource() {
        return Refusal.ofProblems(
                Refusal.Kind.FORBIDDEN, List.of(Refusal.FieldProblem.of("source", IntakeRefusals.UNKNOWN_SOURCE)));
    }

    /**
     * The record of the alert's source and reference, made if it is new and locked until the transaction ends, so
     * that concurrent repeats are counted one after the other.
     */
    private Seen claim(Alert alert, Instant now) {
        jdbc.sql("""
                insert into intake_alert (source, reference, repeats, first_seen, last_seen)
                values (?, ?, 0, ?, ?) on conflict do nothing""")
                .params(alert.source(), alert.reference(), Timestamp.from(now), Timestamp.from(now))
                .update();
        return jdbc.sql("select incident_id, repeats from intake_alert where source = ? and reference = ? "
                        + "for update")
                .params(alert.source(), alert.reference())
                .query((row, n) -> new Seen(row.getObject("incident_id", UUID.class), row.getInt("repeats")))
                .single();
    }

    private record Seen(@Nullable UUID incident, int repeats) {}

    /** Any sender of the source may count a repeat, also on an incident another sender's alert opened. */
    private AlertReceipt countRepeat(Alert alert, Actor sender, IncidentView incident, int occurrences, Instant now) {
        channels.addChannelNote(
                incident.id(),
                sender.ref(),
                "Alert " + alert.source() + "/" + alert.reference() + " arrived again (" + occurrences
                        + " times in all): " + alert.title());
        remember(alert, incident.id(), occurrences, now);
        return new AlertReceipt(incident.id(), incident.reference(), true, occurrences);
    }

    private void remember(Alert alert, IncidentId incident, int occurrences, Instant now) {
        jdbc.sql("""
                update intake_alert set incident_id = ?, repeats = ?, last_seen = ?,
                  observables = (select coalesce(jsonb_agg(distinct o), '[]'::jsonb)
                                 from jsonb_array_elements(observables || ?::jsonb) o)
                where source = ? and reference = ?""")
                .params(
                        incident.value(),
                        occurrences,
                        Timestamp.from(now),
                        json.writeValueAsString(alert.observables()),
                        alert.source(),
                        alert.reference())
                .update();
    }

    private NewIncident newIncident(Alert alert) {
        SeverityLevels levels = SeverityLevels.of(incidents.priorityMatrix(), alert.severity());
        return new NewIncident(
                alert.title(),
                description(alert),
                alert.category() == null ? new Category("other", "undetermined") : alert.category(),
                null,
                alert.severity(),
                levels.impact(),
                levels.urgency(),
                null,
                null,
                null,
                null,
                null,
                null,
                alert.occurredAt(),
                latest(alert.occurredAt(), clock.instant()),
                null,
                null,
                DetectionSource.AUTOMATED,
                alert.source());
    }

    private static Instant latest(@Nullable Instant occurred, Instant now) {
        return occurred != null && occurred.isAfter(now) ? occurred : now;
    }

    private static String description(Alert alert) {
        StringBuilder text = new StringBuilder();
        text.append(
                alert.description() == null || alert.description().isBlank()
                        ? "Alert from " + alert.source()
                        : alert.description().trim());
        text.append("\n\nSource: ")
                .append(alert.source())
                .append(", reference: ")
                .append(alert.reference());
        List<Observable> observables = alert.observables();
        if (!observables.isEmpty()) {
            text.append("\n\nObservables:\n")
                    .append(observables.stream()
                            .map(o -> "- " + o.type().code() + ": " + o.value())
                            .collect(Collectors.joining("\n")));
        }
        return text.toString();
    }
}
