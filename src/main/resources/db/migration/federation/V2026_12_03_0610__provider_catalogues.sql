-- The catalogues of this instance's providers: the services each provider peer offers it, as last fetched from the
-- provider's /federation/v1/services. One row per provider in federation_provider_catalogue (when it was fetched;
-- a catalogue fetched empty still has its row), one per service it offered then in federation_provider_service.
-- A fetch replaces the provider's services whole.
create table federation_provider_catalogue (
    peer_id    uuid primary key references federation_peer (id) on delete cascade,
    fetched_at timestamptz not null
);

create table federation_provider_service (
    peer_id     uuid not null references federation_provider_catalogue (peer_id) on delete cascade,
    service_id  uuid not null,
    name        text not null,
    description text not null,
    primary key (peer_id, service_id)
);
