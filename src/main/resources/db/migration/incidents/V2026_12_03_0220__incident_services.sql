-- The services an incident affects, as handlers named them: ids of the assets module's services (no foreign key: each
-- module owns its tables). A retired service stays on the incidents that named it.
create table incident_service (
    incident_id uuid not null references incident (id),
    service_id  uuid not null,
    primary key (incident_id, service_id)
);
create index incident_service_service on incident_service (service_id, incident_id);
