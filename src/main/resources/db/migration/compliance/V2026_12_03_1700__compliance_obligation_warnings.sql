-- Warnings of obligations' stages: when a stage's clock started, the next instant the scan has something to tell
-- (a warning, or the overdue notice at the due instant), indexed so that the scan reads only what is due; and every
-- warning told, once, whatever the number of nodes or restarts.
alter table compliance_obligation_stage add column clock_start timestamptz;
alter table compliance_obligation_stage add column next_warning_at timestamptz;
create index compliance_obligation_stage_next_warning on compliance_obligation_stage (next_warning_at)
    where next_warning_at is not null;

create table compliance_warning_sent (
    obligation_id uuid        not null references compliance_obligation (id),
    stage         text        not null,
    due_at        timestamptz not null,
    warn_at       timestamptz not null,
    overdue       boolean     not null,
    sent_at       timestamptz not null,
    primary key (obligation_id, stage, due_at, warn_at)
);
