-- The in-app inbox: one message per user and cause, rendered in the reader's language from its template.
create table notification_inbox (
    id           uuid primary key,
    recipient_id uuid not null,
    dedup_key    text not null,
    template     text not null,
    parameters   jsonb not null,
    link         text,
    created_at   timestamptz not null,
    read_at      timestamptz,
    unique (recipient_id, dedup_key)
);
create index notification_inbox_recipient on notification_inbox (recipient_id, created_at desc);
create index notification_inbox_unread on notification_inbox (recipient_id) where read_at is null;
