-- Intake of machine alerts: one row per (source, reference), so that a repeated alert is counted on the incident
-- it opened instead of opening another.
create table intake_alert (
    source       text not null,
    reference    text not null,
    incident_id  uuid,
    repeats      integer not null,
    observables  jsonb not null default '[]',
    first_seen   timestamptz not null,
    last_seen    timestamptz not null,
    primary key (source, reference)
);
create index intake_alert_incident on intake_alert (incident_id);
