-- Notifications leave through an outbox written in the transaction of the event that causes them, drained by
-- workers with FOR UPDATE SKIP LOCKED. Secrets (such as a follow-up code) are kept apart and erased once delivered.
create table notification_outbox (
    id              uuid primary key,
    dedup_key       text not null unique,
    channel         text not null,
    recipient       text not null,
    template        text not null,
    language        text not null,
    parameters      jsonb not null,
    secrets         jsonb,
    state           text not null check (state in ('pending', 'delivered', 'dead')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    delivered_at    timestamptz
);
create index notification_outbox_due on notification_outbox (next_attempt_at) where state = 'pending';
create index notification_outbox_dead on notification_outbox (updated_at) where state = 'dead';

-- The delivery log: one row per attempt, successful or not.
create table notification_delivery (
    id              bigserial primary key,
    notification_id uuid not null references notification_outbox (id),
    attempt         integer not null,
    at              timestamptz not null,
    succeeded       boolean not null,
    detail          text
);
create index notification_delivery_notification on notification_delivery (notification_id, id);
