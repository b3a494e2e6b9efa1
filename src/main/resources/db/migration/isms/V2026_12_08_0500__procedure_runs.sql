-- Runs of security procedures: each keeps the definition of its type as it was when the run started (a later revision
-- of the type changes no run), the values of its start form, who asked, who owns it, where it is and when it is due.
-- A step is a row of its own, opened when its phase starts; teams look their steps up by team, approvers by person.
create sequence isms_run_number;

create table isms_procedure_run (
    id            uuid primary key,
    number        bigint      not null unique,
    type_id       uuid        not null references isms_procedure_type (id),
    definition    jsonb       not null,
    form_values   jsonb       not null,
    requested_by  uuid,
    owner_id      uuid        not null,
    phase         text,
    state         text        not null check (state in ('open', 'completed', 'rejected', 'cancelled')),
    started_at    timestamptz not null,
    due_at        timestamptz,
    closed_at     timestamptz,
    closed_by     uuid,
    close_reason  text,
    schedule_id   uuid,
    occurrence    timestamptz,
    version       bigint      not null,
    unique (schedule_id, occurrence),
    check ((state = 'open') = (closed_at is null)),
    check ((state = 'open') = (phase is not null))
);
create index isms_run_open_due on isms_procedure_run (due_at, number) where state = 'open';
create index isms_run_type_started on isms_procedure_run (type_id, started_at);
create index isms_run_owner_open on isms_procedure_run (owner_id) where state = 'open';

create table isms_run_step (
    id           uuid primary key,
    run_id       uuid        not null references isms_procedure_run (id),
    position     integer     not null,
    phase        text        not null,
    title        text        not null,
    description  text        not null,
    kind         text        not null check (kind in ('task', 'approval')),
    mandatory    boolean     not null,
    team_id      uuid,
    approver_id  uuid,
    fields       jsonb        not null,
    articles     jsonb        not null,
    controls     jsonb        not null,
    opened_at    timestamptz,
    due_at       timestamptz,
    state        text        not null check (state in ('open', 'done', 'skipped', 'approved', 'rejected')),
    note         text,
    closed_by    uuid,
    closed_at    timestamptz,
    version      bigint      not null,
    unique (run_id, position),
    check ((state = 'open') = (closed_at is null))
);
create index isms_run_step_team_open on isms_run_step (team_id, due_at) where state = 'open' and opened_at is not null;
create index isms_run_step_approver_open on isms_run_step (approver_id) where state = 'open' and opened_at is not null;

-- What a run raised from a finding: an incident or a risk; the other side shows the run through this table.
create table isms_run_raised (
    run_id      uuid        not null references isms_procedure_run (id),
    kind        text        not null check (kind in ('incident', 'risk')),
    target_id   uuid        not null,
    raised_at   timestamptz not null,
    raised_by   uuid        not null,
    primary key (run_id, kind, target_id)
);
create index isms_run_raised_target on isms_run_raised (target_id);
create index isms_run_step_controls on isms_run_step using gin (controls);
