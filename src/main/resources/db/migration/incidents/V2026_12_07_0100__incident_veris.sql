-- Incidents described in VERIS A4 terms (TAX-4), as handlers recorded them: the whole description as the API writes
-- it, and the categories of its actors, actions and assets, which the metrics count (MET-2). Optional: most
-- incidents have none.
create table incident_veris (
    incident_id uuid primary key references incident (id),
    description jsonb not null,
    recorded_at timestamptz not null
);
create table incident_veris_category (
    incident_id uuid not null references incident (id),
    part        text not null check (part in ('actor', 'action', 'asset')),
    category    text not null,
    primary key (incident_id, part, category)
);
create index incident_veris_category_part on incident_veris_category (part, category, incident_id);
