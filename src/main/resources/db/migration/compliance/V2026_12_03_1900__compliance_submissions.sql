-- Submissions of obligations' stages (X-6): the draft of each stage's report that handlers edit (one row, versioned),
-- and the submissions, each frozen: the exact JSON bytes sent with their SHA-256, the channel, the recipient, the
-- authority's reference, who submitted and when, and whether it was late with the reason (X-7). A correction is a new
-- submission that names the one it corrects; a stored submission never changes (the trigger refuses it).
alter table compliance_obligation_stage add column submitted_at timestamptz;

create table compliance_submission_draft (
    obligation_id   uuid        not null references compliance_obligation (id),
    stage           text        not null,
    fields          jsonb       not null,
    version         bigint      not null check (version >= 1),
    updated_by      uuid        not null,
    updated_by_name text        not null,
    updated_at      timestamptz not null,
    primary key (obligation_id, stage)
);

create table compliance_submission (
    id                uuid primary key,
    obligation_id     uuid        not null references compliance_obligation (id),
    stage             text        not null,
    sequence          int         not null check (sequence >= 1),
    corrects          uuid references compliance_submission (id),
    content           bytea       not null,
    sha256            text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    channel           text        not null check (channel in ('portal', 'e-mail', 'api', 'letter', 'phone')),
    recipient         text        not null,
    reference         text,
    due_at            timestamptz,
    late              boolean     not null,
    delay_reason      text,
    submitted_by      uuid        not null,
    submitted_by_name text        not null,
    submitted_at      timestamptz not null,
    unique (obligation_id, stage, sequence),
    check (not late or delay_reason is not null)
);
create index compliance_submission_obligation on compliance_submission (obligation_id, stage, sequence);

create function compliance_submission_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'a submission is frozen: it can never change (a correction is a new submission)';
end;
$$;
create trigger compliance_submission_frozen before update or delete on compliance_submission
    for each row execute function compliance_submission_frozen();

-- The deadline overview reads the open stages (required, not submitted) by their due instant.
create index compliance_obligation_stage_open_due on compliance_obligation_stage (due_at, obligation_id, stage)
    where required and submitted_at is null;
