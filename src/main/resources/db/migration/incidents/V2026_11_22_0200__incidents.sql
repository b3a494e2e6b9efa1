-- Incidents: the aggregate, its timeline, links between incidents, and the priority matrix.
create sequence incident_number_seq;

create table incident (
    id               uuid primary key,
    number           bigint not null unique,
    title            text not null,
    description      text not null,
    category_class   text not null,
    category_type    text not null,
    determination    text not null,
    severity         text not null,
    impact           smallint not null,
    urgency          smallint not null,
    priority         smallint not null,
    tlp              text not null,
    pap              text not null,
    reporter_id      uuid not null,
    owner_id         uuid,
    team_id          uuid,
    business_unit_id uuid,
    confidential     boolean not null,
    status           text not null,
    resolution       text,
    dismissal_reason text,
    merged_into      uuid references incident (id),
    occurred_at      timestamptz,
    detected_at      timestamptz,
    reported_at      timestamptz not null,
    acknowledged_at  timestamptz,
    contained_at     timestamptz,
    recovered_at     timestamptz,
    closed_at        timestamptz,
    updated_at       timestamptz not null,
    version          bigint not null,
    search           tsvector generated always as (
                         to_tsvector('simple', title || ' ' || description)) stored
);

-- The list's common filters, each ending in the default sort so that a page is an index range.
create index incident_team_status_priority on incident (team_id, status, priority, reported_at desc, id desc);
create index incident_status_priority on incident (status, priority, reported_at desc, id desc);
create index incident_reported on incident (reported_at desc, id desc);
create index incident_updated on incident (updated_at desc, id desc);
create index incident_owner on incident (owner_id, reported_at desc);
create index incident_reporter on incident (reporter_id, reported_at desc);
create index incident_category on incident (category_class, category_type);
create index incident_business_unit on incident (business_unit_id, reported_at desc);
create index incident_search on incident using gin (search);

create table incident_timeline (
    id          bigserial primary key,
    incident_id uuid not null references incident (id),
    at          timestamptz not null,
    actor_id    text not null,
    actor_name  text not null,
    kind        text not null,
    details     jsonb not null default '{}',
    note        text
);
create index incident_timeline_incident on incident_timeline (incident_id, id);

create table incident_link (
    source_id  uuid not null references incident (id),
    target_id  uuid not null references incident (id),
    kind       text not null,
    created_at timestamptz not null,
    primary key (source_id, target_id, kind),
    check (source_id <> target_id)
);
create index incident_link_target on incident_link (target_id);

create table priority_matrix (
    id       smallint primary key check (id = 1),
    document jsonb not null,
    version  bigint not null
);
insert into priority_matrix (id, document, version) values (1, '{
  "impacts":    ["high", "medium", "low"],
  "urgencies":  ["high", "medium", "low"],
  "priorities": ["P1", "P2", "P3", "P4"],
  "cells":      [[1, 2, 3], [2, 3, 4], [3, 4, 4]]
}', 0);
