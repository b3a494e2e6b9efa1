-- The peers' audit trails this instance witnesses: per log (by its origin), the key pinned at the first checkpoint and
-- the newest checkpoint it checked and cosigned. A later checkpoint is cosigned only if it is consistent with it.
create table audit_witnessed_log (
    origin         text primary key,
    checkpoint_key text not null,
    size           bigint not null,
    root_hash      text not null,
    note           text not null,
    cosigned_at    timestamptz not null
);

-- Checkpoints of a witnessed log that contradict the one cosigned before (another root for a size, no consistency
-- proof, another key): evidence of a fork or a rewrite, kept.
create table audit_witness_alarm (
    id          bigserial primary key,
    origin      text not null,
    detected_at timestamptz not null,
    reason      text not null,
    offered     text not null
);
create index audit_witness_alarm_origin on audit_witness_alarm (origin, id);

-- The cosignatures peers made of this instance's checkpoints, by checkpoint size and witness key.
create table audit_cosignature (
    size        bigint not null,
    witness     text not null,
    line        text not null,
    cosigned_at timestamptz not null,
    received_at timestamptz not null,
    primary key (size, witness)
);
