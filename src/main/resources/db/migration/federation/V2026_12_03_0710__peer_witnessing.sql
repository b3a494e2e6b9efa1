-- How this instance witnesses each peer's audit trail: the peer's witness key, pinned at the first round (the key its
-- cosignatures of this instance's checkpoints are checked with), and the last round's result. The peer's log key is
-- pinned by the audit module, per log.
create table federation_peer_witnessing (
    peer_id       uuid primary key references federation_peer (id) on delete cascade,
    witness_key   text not null,
    log_origin    text not null,
    pinned_at     timestamptz not null,
    checked_at    timestamptz,
    cosigned_size bigint,
    outcome       text
);
