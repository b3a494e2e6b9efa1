-- Saved views: a user's named filters of the incident list (the list's query string).
create table saved_view (
    id         uuid primary key,
    owner_id   uuid not null,
    name       text not null,
    query      text not null,
    created_at timestamptz not null
);
create unique index saved_view_owner_name on saved_view (owner_id, lower(name));
