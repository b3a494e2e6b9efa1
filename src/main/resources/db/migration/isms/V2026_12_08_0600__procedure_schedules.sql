-- Schedules of security procedures: each starts a run of a procedure type on the days of an RFC 5545 recurrence rule,
-- at a local time of day in a time zone, optionally moved off (or skipping) the non-working days of an SLA calendar
-- (calendar_id names a calendar of the handling module; no foreign key across modules). next_at is the next occurrence
-- the scanner fires; null when the rule fires no more.
create table isms_schedule (
    id               uuid primary key,
    name             text        not null,
    procedure_type   uuid        not null references isms_procedure_type (id),
    owner_id         uuid        not null,
    form_values      jsonb       not null,
    recurrence       text        not null,
    first_day        date        not null,
    time_of_day      time        not null,
    zone             text        not null,
    calendar_id      uuid,
    non_working_day  text        not null check (non_working_day in ('next-working-day', 'skip')),
    active           boolean     not null,
    next_at          timestamptz,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    version          bigint      not null
);

create index isms_schedule_due on isms_schedule (next_at) where active;

-- Every occurrence a schedule fired, once each (the primary key): the run it started, or why none started (the type
-- retired, the owner disabled, a value no longer valid), or missed (more were due after downtime than one scan starts).
create table isms_schedule_occurrence (
    schedule_id    uuid        not null references isms_schedule (id),
    occurs_at      timestamptz not null,
    outcome        text        not null check (outcome in ('started', 'not-started', 'missed')),
    run_reference  text,
    reason         text,
    recorded_at    timestamptz not null,
    primary key (schedule_id, occurs_at)
);
