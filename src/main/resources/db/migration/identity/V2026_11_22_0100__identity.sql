-- Identity: business units, teams, users with roles and team memberships, API tokens, login throttling.
create table business_unit (
    id          uuid primary key,
    name        text not null,
    description text not null default '',
    version     bigint not null
);
create unique index business_unit_name_unique on business_unit (lower(name));

create table team (
    id               uuid primary key,
    name             text not null,
    description      text not null default '',
    business_unit_id uuid references business_unit (id),
    version          bigint not null
);
create unique index team_name_unique on team (lower(name));

create table app_user (
    id                   uuid primary key,
    username             text not null,
    display_name         text not null,
    email                text,
    password_hash        text not null,
    must_change_password boolean not null,
    enabled              boolean not null,
    business_unit_id     uuid references business_unit (id),
    created_at           timestamptz not null,
    version              bigint not null
);
create unique index app_user_username_unique on app_user (lower(username));

create table user_role (
    user_id uuid not null references app_user (id) on delete cascade,
    role    text not null,
    primary key (user_id, role)
);

create table team_member (
    user_id uuid not null references app_user (id) on delete cascade,
    team_id uuid not null references team (id) on delete cascade,
    primary key (user_id, team_id)
);
create index team_member_team on team_member (team_id);

create table api_token (
    id           uuid primary key,
    user_id      uuid not null references app_user (id) on delete cascade,
    name         text not null,
    digest       bytea not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    version      bigint not null
);
create index api_token_user on api_token (user_id);

-- Failed sign-ins per account ('user:<name>') and per address ('address:<ip>').
create table login_throttle (
    throttle_key    text primary key,
    failures        integer not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz
);
