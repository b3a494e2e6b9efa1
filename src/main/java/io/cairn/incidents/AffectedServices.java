package io.cairn.incidents;

import io.cairn.assets.ServiceId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored services each incident affects. */
@Component
class AffectedServices {

    private final JdbcClient jdbc;

    AffectedServices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ServiceId> of(IncidentId incident) {
        return jdbc.sql("select service_id from incident_service where incident_id = ?")
                .param(incident.value())
                .query((row, n) -> new ServiceId(row.getObject("service_id", UUID.class)))
                .list();
    }

    /** Replaces the services the incident affects. */
    void replace(IncidentId incident, Collection<ServiceId> services) {
        jdbc.sql("delete from incident_service where incident_id = ?")
                .param(incident.value())
                .update();
        services.forEach(service -> jdbc.sql("insert into incident_service (incident_id, service_id) values (?, ?)")
                .params(incident.value(), service.value())
                .update());
    }
}
