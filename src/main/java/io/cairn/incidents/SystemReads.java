package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.incidents.system.IncidentsForSystem;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads incidents for other modules' schedulers and reactions, without a signed-in user (see the interface). */
@Service
class SystemReads implements IncidentsForSystem {

    private final Incidents incidents;
    private final PriorityMatrices matrices;
    private final JdbcClient jdbc;
    private final Observables observables;

    SystemReads(Incidents incidents, PriorityMatrices matrices, JdbcClient jdbc, Observables observables) {
        this.incidents = incidents;
        this.observables = observables;
        this.matrices = matrices;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IncidentView> incident(IncidentId id) {
        return incidents.findById(id.value()).map(incident -> incident.view(matrices.current()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<IncidentId, IncidentView> incidents(Collection<IncidentId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        PriorityMatrix matrix = matrices.current();
        Map<IncidentId, IncidentView> found = new LinkedHashMap<>();
        incidents
                .findAllById(ids.stream().map(IncidentId::value).toList())
                .forEach(incident -> found.put(incident.id(), incident.view(matrix)));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<IncidentId, IncidentView> incidentsSeenBy(Actor reader, Collection<IncidentId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        PriorityMatrix matrix = matrices.current();
        Map<IncidentId, IncidentView> found = new LinkedHashMap<>();
        incidents.findAllById(ids.stream().map(IncidentId::value).toList()).forEach(incident -> {
            if (IncidentAccess.maySee(reader, incident)) {
                found.put(incident.id(), incident.view(matrix));
            }
        });
        return found;
    }

    @Override
    public boolean seesEveryIncident(Actor reader) {
        return IncidentAccess.seesEvery(reader);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean readsInFull(Actor reader, IncidentId id) {
        return incidents
                .findById(id.value())
                .filter(incident -> IncidentAccess.mayReadInFull(reader, incident))
                .isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean handles(Actor actor, IncidentId id) {
        return incidents
                .findById(id.value())
                .filter(incident -> IncidentAccess.mayHandle(actor, incident))
                .isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public List<IncidentObservable> observables(IncidentId id) {
        return observables.of(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SimilarIncident> similarIncidents(IncidentId id, Duration window, int limit) {
        return new SimilarIncidents(jdbc).like(id, window, Math.max(0, Math.min(limit, MAX_SIMILAR)));
    }
}
