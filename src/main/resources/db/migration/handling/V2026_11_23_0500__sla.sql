-- Business-hour calendars: working hours per weekday (several stretches a day) and holidays, in a time zone.
create table sla_calendar (
    id         uuid primary key,
    name       text not null unique,
    zone       text not null,
    week       jsonb not null,     -- {"monday": ["09:00-12:00", "13:00-17:00"], ...}
    holidays   jsonb not null,     -- ["2026-12-25", ...]
    version    bigint not null,
    updated_at timestamptz not null
);

-- Escalation levels: who is told about an unacknowledged breach, how long to wait, and where to go next.
create table sla_escalation_level (
    id            uuid primary key,
    name          text not null unique,
    notify_kind   text not null check (notify_kind in ('team', 'role', 'user')),
    notify_target text not null,
    wait_seconds  bigint not null check (wait_seconds > 0),
    next_level_id uuid references sla_escalation_level (id),
    version       bigint not null,
    updated_at    timestamptz not null
);

-- SLA policies, one per priority level: response and resolution targets, on a calendar or around the clock.
create table sla_policy (
    priority_level      integer primary key check (priority_level between 1 and 10),
    response_seconds    bigint not null check (response_seconds > 0),
    resolution_seconds  bigint not null check (resolution_seconds > 0),
    calendar_id         uuid references sla_calendar (id),
    pause_statuses      text[] not null,
    warning_percent     integer not null check (warning_percent between 1 and 99),
    escalation_level_id uuid references sla_escalation_level (id),
    version             bigint not null,
    updated_at          timestamptz not null
);

-- The clocks of each incident: one for the response, one for the resolution. consumed_us is the working time (microseconds)
-- used up before running_since; while running, the working time since running_since is added. due_at and warn_at
-- are stored instants, and next_check_at is the earliest moment the scanner must look at the clock again (a warning,
-- a breach or an escalation); it is null for clocks with nothing ahead, so the scanner's query is an index range
-- over the partial index below, whatever the number of closed incidents.
create table sla_clock (
    incident_id           uuid not null,
    kind                  text not null check (kind in ('response', 'resolution')),
    priority_level        integer not null,
    target_ms             bigint not null,
    warn_ms               bigint not null,
    calendar_id           uuid,
    state                 text not null check (state in ('running', 'paused', 'met')),
    consumed_us           bigint not null,
    running_since         timestamptz,
    started_at            timestamptz not null,
    due_at                timestamptz,
    warn_at               timestamptz,
    warned_at             timestamptz,
    breached_at           timestamptz,
    met_at                timestamptz,
    escalation_level_id   uuid,
    escalate_at           timestamptz,
    escalations           integer not null default 0,
    notified              uuid[] not null default '{}',
    acknowledged_at       timestamptz,
    acknowledged_by       text,
    next_check_at         timestamptz,
    version               bigint not null default 0,
    primary key (incident_id, kind)
);
create index sla_clock_due on sla_clock (next_check_at) where next_check_at is not null;

insert into sla_calendar (id, name, zone, week, holidays, version, updated_at) values
  ('00000000-0000-4000-8000-0000000005a1', 'Office hours', 'Europe/Amsterdam',
   '{"monday": ["09:00-17:00"], "tuesday": ["09:00-17:00"], "wednesday": ["09:00-17:00"],
     "thursday": ["09:00-17:00"], "friday": ["09:00-17:00"]}', '[]', 0, now());

-- A sensible start: P1 around the clock, the others in office hours (a business day is 8 hours).
insert into sla_policy (priority_level, response_seconds, resolution_seconds, calendar_id, pause_statuses,
                        warning_percent, escalation_level_id, version, updated_at) values
  (1, 3600, 8 * 3600, null, '{}', 75, null, 0, now()),
  (2, 4 * 3600, 3 * 8 * 3600, '00000000-0000-4000-8000-0000000005a1', '{}', 75, null, 0, now()),
  (3, 8 * 3600, 5 * 8 * 3600, '00000000-0000-4000-8000-0000000005a1', '{}', 75, null, 0, now()),
  (4, 2 * 8 * 3600, 10 * 8 * 3600, '00000000-0000-4000-8000-0000000005a1', '{}', 75, null, 0, now());
