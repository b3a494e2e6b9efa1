-- The instance's keys for signing what it sends to peers (EC P-256, ES256). Kept in the database so that every node
-- of a cluster signs with the same key. Exactly one is active (retired_at null); a rotation retires it, and a retired
-- key stays in the published key set, valid for its peers, until valid_until.
create table federation_signing_key (
    kid         text primary key,
    private_jwk text not null,
    created_at  timestamptz not null,
    retired_at  timestamptz,
    valid_until timestamptz,
    check ((retired_at is null) = (valid_until is null))
);

-- at most one active key, whatever two nodes do at once
create unique index federation_signing_key_one_active on federation_signing_key ((true)) where retired_at is null;
