-- Receiving: every message a provider peer delivered to this instance (pushed to the inbox or pulled from its feed),
-- by message id, the replay key; and per provider and exchange id, the incident it became here, the version applied,
-- the incident as the provider last stated it, and whether the provider retracted it. peer_id has no foreign key: what
-- was received stays on record when an admin removes the peer.
create table federation_received_message (
    message_id  uuid primary key,
    peer_id     uuid        not null,
    exchange_id uuid        not null,
    version     bigint      not null,
    kind        text        not null check (kind in ('publication', 'retraction', 'marking')),
    outcome     text        not null check (outcome in ('applied', 'superseded')),
    via         text        not null check (via in ('push', 'pull')),
    sha256      text        not null,
    jws         text        not null,
    received_at timestamptz not null
);
create index federation_received_message_exchange on federation_received_message (peer_id, exchange_id, version);

create table federation_received_incident (
    peer_id              uuid        not null,
    exchange_id          uuid        not null,
    incident_id          uuid        not null unique,
    incident_reference   text        not null,
    provider_name        text        not null,
    version              bigint      not null,
    snapshot             jsonb       not null,
    last_changes         jsonb       not null default '[]',
    retracted_at         timestamptz,
    retraction_reason    text,
    personal_data_at     timestamptz,
    received_at          timestamptz not null,
    updated_at           timestamptz not null,
    primary key (peer_id, exchange_id)
);
