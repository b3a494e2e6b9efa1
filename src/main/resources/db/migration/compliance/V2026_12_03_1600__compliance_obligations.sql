-- The regulatory obligations of incidents, derived from the legal entity's profile and the incident's facts and
-- decisions, never typed. An obligation keeps the regime as it was when it started (its zone, calendar, triggers and
-- stages with their clocks), so that a later regime file never moves its deadlines unless an admin re-bases it.
create table compliance_obligation (
    id             uuid primary key,
    incident_id    uuid        not null,
    legal_entity   uuid        not null,
    regime         text        not null,
    regime_version text        not null,
    rules          jsonb       not null,
    authority      text,
    created_at     timestamptz not null,
    rebased_at     timestamptz,
    version        bigint      not null,
    unique (incident_id, legal_entity, regime)
);

create table compliance_obligation_stage (
    obligation_id   uuid        not null references compliance_obligation (id),
    stage           text        not null,
    required        boolean     not null,
    ever_required   boolean     not null,
    start_floor     timestamptz,
    due_at          timestamptz,
    internal_target boolean     not null,
    opened_at       timestamptz,
    closed_at       timestamptz,
    primary key (obligation_id, stage)
);
create index compliance_obligation_stage_due on compliance_obligation_stage (due_at) where required;
