-- The other Cairn instances this one exchanges incidents with, as an admin registered them. Peers know each other by
-- base URL (normalised: scheme, host, port and path, no trailing slash). Their public keys are a JWK set, pasted by
-- the admin (keys_origin 'pasted') or fetched from <base_url>/federation/v1/jwks.json (keys_origin 'fetched', with
-- the time of the fetch).
create table federation_peer (
    id              uuid primary key,
    name            text not null,
    base_url        text not null unique,
    role            text not null check (role in ('provider', 'customer')),
    keys            text not null,
    keys_origin     text not null check (keys_origin in ('pasted', 'fetched')),
    keys_fetched_at timestamptz,
    state           text not null check (state in ('active', 'suspended')),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint not null
);

-- The ids (jti) of the signed requests peers made, until they expire: a second request with the same id is a replay.
create table federation_seen_request (
    issuer     text not null,
    jti        text not null,
    expires_at timestamptz not null,
    primary key (issuer, jti)
);
create index federation_seen_request_expiry on federation_seen_request (expires_at);
