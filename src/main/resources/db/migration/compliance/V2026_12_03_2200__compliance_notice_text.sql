-- The text of the notice to the people a breach concerns, per language (en, nl): the subject and the Art. 34(2)
-- content (the nature of the breach, its likely consequences, the measures taken or proposed, the contact point),
-- drafted from the stage's records until a privacy officer saves it, then versioned (a stale save is refused). Sending
-- freezes the text as sent, with its SHA-256: it never changes after.
create table compliance_notice_text (
    obligation_id   uuid        not null references compliance_obligation (id),
    stage           text        not null,
    texts           jsonb       not null,
    version         bigint      not null check (version >= 1),
    updated_by      uuid        not null,
    updated_by_name text        not null,
    updated_at      timestamptz not null,
    primary key (obligation_id, stage)
);

alter table compliance_notice add column text_content bytea;
alter table compliance_notice add column text_sha256 text check (text_sha256 ~ '^[0-9a-f]{64}$');
alter table compliance_notice add column frozen_at timestamptz;
