-- Audit: the append-only, hash-chained trail. Each record's hash covers its content and the previous record's hash;
-- the head row is locked by each append, so records are chained in commit order without gaps.
create table audit_record (
    seq           bigint primary key,
    at            timestamptz not null,
    actor_id      text not null,
    actor_name    text not null,
    action        text not null,
    object_type   text not null,
    object_id     text not null,
    before_digest text,
    after_digest  text,
    previous_hash text not null,
    hash          text not null
);
create index audit_record_object on audit_record (object_type, object_id);

create table audit_head (
    id   smallint primary key check (id = 1),
    seq  bigint not null,
    hash text not null
);
insert into audit_head (id, seq, hash) values (1, 0, repeat('0', 64));
