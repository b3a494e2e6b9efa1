-- Assets: the device registry (what a reporter can pick as the affected device) and who held each device when.
create table device (
    id           uuid primary key,
    name         text not null,
    kind         text not null,
    identifier   text not null,
    holder_id    uuid,
    holder_since timestamptz,
    retired      boolean not null,
    registered_at timestamptz not null,
    version      bigint not null
);
create unique index device_identifier_unique on device (lower(identifier));
create index device_holder on device (holder_id) where not retired;

-- Every holding, past and present; the current one has no end.
create table device_holding (
    device_id  uuid not null references device (id),
    holder_id  uuid not null,
    held_from  timestamptz not null,
    held_until timestamptz,
    primary key (device_id, held_from)
);
create index device_holding_holder on device_holding (holder_id, held_from);
