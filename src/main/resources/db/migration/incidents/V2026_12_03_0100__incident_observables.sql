-- Observables of incidents: typed indicators (addresses, domains, URLs, hashes, ...) with their own TLP marking and
-- an IOC flag. A value is stored in its type's normal form, so that the index on (type, value) finds every incident
-- that shares it.
create table incident_observable (
    id          uuid primary key,
    incident_id uuid not null references incident (id),
    type        text not null,
    value       text not null check (char_length(value) between 1 and 2000),
    tlp         text not null,
    ioc         boolean not null,
    source      text not null check (source in ('handler', 'alert', 'mail')),
    note        text check (char_length(note) <= 500),
    added_by    text,
    added_by_name text,
    added_at    timestamptz not null,
    version     bigint not null,
    unique (incident_id, type, value)
);

-- "Seen in other incidents": every incident with the same type and value, found through this index.
create index incident_observable_type_value on incident_observable (type, value, incident_id);
