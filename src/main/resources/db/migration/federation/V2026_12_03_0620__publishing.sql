-- Publishing: what this instance shares of its incidents with its customers' subscriptions.
--
-- One publication per published incident: the exchange id minted for it (never the incident id), the exchange version
-- of the last message sent, the words a handler chose to send (summary, recommended actions, personal-data facts, PAP,
-- hop budget, extensions), and the incident part of the last message (snapshot, without provenance), against which a
-- later change of the incident is compared. state 'retracted' stops publishing for good. version counts changes of
-- the row, for writers that race.
create table federation_publication (
    incident_id         uuid primary key,
    exchange_id         uuid not null unique,
    exchange_version    bigint not null,
    summary             text not null,
    recommended_actions text[] not null,
    personal_data       jsonb,
    pap                 text not null check (pap in ('CLEAR', 'GREEN', 'AMBER', 'RED')),
    hop_budget          integer not null check (hop_budget between 0 and 16),
    extensions          jsonb not null,
    snapshot            text not null,
    state               text not null check (state in ('published', 'retracted')),
    retraction_reason   text,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint not null
);

-- Who a publication goes to: subscriptions chosen by a handler or by the subscription's publication rule.
create table federation_audience (
    incident_id     uuid not null references federation_publication (incident_id) on delete cascade,
    subscription_id uuid not null references federation_subscription (id) on delete cascade,
    chosen_by       text not null check (chosen_by in ('handler', 'rule')),
    added_at        timestamptz not null,
    primary key (incident_id, subscription_id)
);
create index federation_audience_subscription on federation_audience (subscription_id);

-- The outbox: one row per (subscription, message), a queue of the delivery module, written in the transaction of the
-- decision. sequence orders the subscription's pull feed (its cursor is this hop's own sequence, made opaque).
create table federation_outbox (
    id               uuid primary key,
    sequence         bigserial not null unique,
    subscription_id  uuid not null references federation_subscription (id) on delete cascade,
    peer_id          uuid not null references federation_peer (id) on delete cascade,
    incident_id      uuid not null,
    message_id       uuid not null unique,
    exchange_id      uuid not null,
    exchange_version bigint not null,
    kind             text not null check (kind in ('publication', 'retraction', 'marking')),
    jws              text not null,
    state            text not null check (state in ('pending', 'delivered', 'dead')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    delivered_at     timestamptz,
    revived_at       timestamptz
);
create index federation_outbox_due on federation_outbox (next_attempt_at) where state = 'pending';
create index federation_outbox_feed on federation_outbox (subscription_id, sequence);
create index federation_outbox_peer on federation_outbox (peer_id, state);

-- The delivery log: one row per attempt to push an outbox row, successful or not.
create table federation_delivery (
    id        bigserial primary key,
    outbox_id uuid not null references federation_outbox (id) on delete cascade,
    attempt   integer not null,
    at        timestamptz not null,
    succeeded boolean not null,
    detail    text
);
create index federation_delivery_outbox on federation_delivery (outbox_id, id);
