-- Evidence of incidents with its chain of custody (ISO/IEC 27037, PROC-4). An item's row holds its current facts, a
-- projection of its custody log; the log is append-only, each entry chained to the one before by its SHA-256, and
-- every entry is also a record of the audit trail (its hash is the record's after-digest).
create table evidence_item (
    id                uuid primary key,
    incident_id       uuid not null,
    number            integer not null,
    kind              text not null,
    description       text not null,
    source            text not null,
    collected_at      timestamptz not null,
    collected_by      uuid not null,
    collected_where   text not null,
    collected_how     text not null,
    sha256            text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    held              boolean not null,
    file_name         text,
    file_size         bigint,
    content_type      text,
    storage_location  text not null,
    custodian_id      uuid not null,
    pending_transfer  uuid,
    pending_receiver  uuid,
    recorded_at       timestamptz not null,
    head_hash         text not null,
    version           bigint not null,
    unique (incident_id, number)
);
create index evidence_item_incident on evidence_item (incident_id, number);
create index evidence_item_pending_receiver on evidence_item (pending_receiver) where pending_receiver is not null;

-- The bytes of an item Cairn holds; never changed once written.
create table evidence_file (
    item_id  uuid primary key references evidence_item (id),
    content  bytea not null
);

create table evidence_custody_entry (
    id               uuid primary key,
    item_id          uuid not null references evidence_item (id),
    seq              integer not null,
    kind             text not null,
    recorded_at      timestamptz not null,
    actor_id         uuid not null,
    actor_name       text not null,
    occurred_at      timestamptz,
    from_id          uuid,
    to_id            uuid,
    purpose          text,
    location         text,
    reason           text,
    field            text,
    old_value        text,
    new_value        text,
    refers_to        uuid,
    result           text,
    computed_sha256  text,
    previous_hash    text not null,
    hash             text not null,
    unique (item_id, seq)
);

-- Append-only in the database too: an entry is never changed or removed, whoever has the connection.
create function evidence_custody_entry_unchanged() returns trigger language plpgsql as $$
begin
    raise exception 'the custody log of evidence is append-only';
end
$$;
create trigger evidence_custody_entry_append_only before update or delete on evidence_custody_entry
    for each row execute function evidence_custody_entry_unchanged();
create trigger evidence_file_unchanged before update or delete on evidence_file
    for each row execute function evidence_custody_entry_unchanged();
