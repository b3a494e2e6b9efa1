-- Assets: services, the things this organisation offers its customers or runs on a provider's. Each has an owner team
-- (identity's; teams are never deleted), a criticality, the other services of this organisation it depends on, and at
-- most one provider service it runs on. The provider service is an opaque reference (the peer's id, the service's id
-- at that peer, and its name as last seen): the assets module knows no peers.
create table service (
    id                    uuid primary key,
    name                  text not null,
    description           text not null,
    owner_team_id         uuid not null,
    criticality           text not null check (criticality in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    provider_peer_id      uuid,
    provider_service_id   uuid,
    provider_service_name text,
    retired               boolean not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint not null,
    constraint service_provider_whole check (
        (provider_peer_id is null and provider_service_id is null and provider_service_name is null)
        or (provider_peer_id is not null and provider_service_id is not null and provider_service_name is not null))
);
create unique index service_name_unique on service (lower(name));
create index service_provider on service (provider_peer_id, provider_service_id) where provider_peer_id is not null;

-- Which service depends on which other service of this organisation; never a cycle (the registry refuses one).
create table service_dependency (
    service_id    uuid not null references service (id),
    depends_on_id uuid not null references service (id),
    primary key (service_id, depends_on_id),
    constraint service_dependency_not_itself check (service_id <> depends_on_id)
);
create index service_dependency_depended_on on service_dependency (depends_on_id);
