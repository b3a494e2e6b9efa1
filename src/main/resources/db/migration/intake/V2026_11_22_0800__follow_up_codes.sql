-- Follow-up codes of anonymous reports: only the SHA-256 digest of each code is kept.
create table intake_follow_up (
    digest       bytea primary key,
    incident_id  uuid not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    last_used_at timestamptz
);
create index intake_follow_up_incident on intake_follow_up (incident_id);
