-- Routing rules: an ordered list, the first rule that matches a new incident gives it a team and maybe an owner.
-- rotation counts the incidents a round-robin rule has handed out; it is advanced with "update ... returning" so
-- that several nodes reporting at once each take the next member.
create table routing_rule (
    id              uuid primary key,
    position        integer not null,
    name            text not null unique,
    rsit_class      text,
    rsit_type       text,
    template_key    text,
    business_unit   uuid,
    asset           uuid,
    team_id         uuid not null,
    owner_strategy  text not null check (owner_strategy in ('NONE', 'ROUND_ROBIN', 'LEAST_LOADED')),
    enabled         boolean not null,
    rotation        bigint not null default 0,
    updated_at      timestamptz not null,
    version         bigint not null
);

-- Playbooks: for some RSIT categories (and maybe one report template), the ordered steps per lifecycle phase. The
-- definition (name, categories, steps) is one JSON document; retired playbooks start no more.
create table playbook (
    id           uuid primary key,
    playbook_key text not null unique,
    template_key text,
    definition   jsonb not null,
    retired      boolean not null,
    updated_at   timestamptz not null,
    updated_by   text not null,
    version      bigint not null
);

-- Which playbook an incident follows; one row per incident, so a playbook starts once.
create table playbook_run (
    incident_id uuid primary key,
    playbook_id uuid not null references playbook (id),
    started_at  timestamptz not null
);

-- Tasks of an incident: the steps of its playbook, and tasks a handler added for a team. shared_fields lists the
-- incident fields the team may read; nothing else of the incident is shown to the team.
create table task (
    id            uuid primary key,
    incident_id   uuid not null,
    playbook_id   uuid references playbook (id),
    phase         text,
    position      integer not null,
    title         text not null,
    description   text not null,
    articles      text[] not null,
    mandatory     boolean not null,
    team_id       uuid,
    due_offset    text,
    due_at        timestamptz,
    shared_fields text[] not null,
    state         text not null check (state in ('OPEN', 'DONE', 'SKIPPED')),
    note          text,
    closed_by     text,
    closed_at     timestamptz,
    created_at    timestamptz not null,
    created_by    text not null,
    version       bigint not null
);

create index task_incident on task (incident_id, position);
create index task_team_open on task (team_id, state, due_at);
