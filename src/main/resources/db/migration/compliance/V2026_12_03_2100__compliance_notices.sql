-- Notices to the people a breach concerns (GDPR Art. 34), on an obligation's data-subjects stage: the stage's notice
-- with the counts that outlive the list (people, sent, failed, bounced), and the people, which are personal data that
-- only privacy officers see and that a scheduled job erases after the retention, counted from the last send (or the
-- last import when nothing was sent).
create table compliance_notice (
    obligation_id uuid        not null references compliance_obligation (id),
    stage         text        not null,
    people        int         not null default 0 check (people >= 0),
    sent          int         not null default 0 check (sent >= 0),
    failed        int         not null default 0 check (failed >= 0),
    bounced       int         not null default 0 check (bounced >= 0),
    imported_at   timestamptz not null,
    last_sent_at  timestamptz,
    erased_at     timestamptz,
    primary key (obligation_id, stage)
);
create index compliance_notice_retention on compliance_notice (coalesce(last_sent_at, imported_at))
    where erased_at is null;

-- Each person's delivery: queued, then claimed in the database before the SMTP send (sending) and marked sent after;
-- a delivery found still claimed after a crash is never sent again blindly: it becomes "unknown" for a person to check.
create table compliance_notice_recipient (
    id            bigint generated always as identity primary key,
    obligation_id uuid        not null,
    stage         text        not null,
    line          int         not null check (line >= 2),
    name          text        not null,
    email         text        not null,
    language      text        not null check (language in ('en', 'nl')),
    status        text        not null default 'queued'
        check (status in ('queued', 'sending', 'sent', 'failed', 'bounced', 'unknown')),
    message_id    text,
    error         text,
    claimed_at    timestamptz,
    sent_at       timestamptz,
    foreign key (obligation_id, stage) references compliance_notice (obligation_id, stage)
);
create unique index compliance_notice_recipient_email
    on compliance_notice_recipient (obligation_id, stage, lower(email));
create index compliance_notice_recipient_status on compliance_notice_recipient (obligation_id, stage, status, id);
