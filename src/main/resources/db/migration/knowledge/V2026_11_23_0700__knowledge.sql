-- Knowledge: articles with their revisions, the root-cause vocabulary, post-incident reviews with corrective
-- actions, and the recurrence flags. Incidents are referred to by id only: this module never reads their tables.

create table knowledge_article (
    id          uuid primary key,
    slug        text not null unique,
    title       text not null,
    body        text not null,
    audience    text not null check (audience in ('handlers', 'reporters')),
    categories  text[] not null default '{}',
    tags        text[] not null default '{}',
    revision    integer not null,
    shipped     boolean not null default false,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    updated_by  text not null,
    version     bigint not null,
    -- Title and tags weigh more than the body; kept by the application, as array_to_string is not immutable.
    search      tsvector not null
);
create index knowledge_article_search on knowledge_article using gin (search);
create index knowledge_article_categories on knowledge_article using gin (categories);
create index knowledge_article_audience on knowledge_article (audience, updated_at desc);

create table knowledge_article_revision (
    article_id  uuid not null references knowledge_article (id),
    revision    integer not null,
    title       text not null,
    body        text not null,
    audience    text not null,
    categories  text[] not null,
    tags        text[] not null,
    saved_at    timestamptz not null,
    saved_by    text not null,
    primary key (article_id, revision)
);

create table root_cause (
    key       text primary key,
    label     text not null,
    retired   boolean not null default false,
    position  integer not null,
    version   bigint not null default 0
);
create unique index root_cause_label on root_cause (lower(label));
insert into root_cause (key, label, position) values
    ('phishing', 'Phishing or social engineering', 1),
    ('unpatched-vulnerability', 'Unpatched vulnerability', 2),
    ('misconfiguration', 'Misconfiguration', 3),
    ('weak-credentials', 'Weak or reused credentials', 4),
    ('lost-device', 'Lost or stolen device', 5),
    ('human-error', 'Human error', 6),
    ('third-party', 'Third party or supplier', 7),
    ('malware', 'Malware', 8),
    ('insider', 'Insider', 9),
    ('unknown', 'Unknown', 10);

create table incident_review (
    incident_id           uuid primary key,
    incident_reference    text not null,
    incident_title        text not null,
    incident_reported_at  timestamptz not null,
    summary               text not null default '',
    root_cause            text references root_cause (key),
    went_well             text not null default '',
    to_improve            text not null default '',
    status                text not null check (status in ('draft', 'completed')),
    completed_at          timestamptz,
    completed_by          text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint not null
);
create index incident_review_root_cause on incident_review (root_cause, incident_reported_at)
    where status = 'completed';

create table corrective_action (
    id           uuid primary key,
    incident_id  uuid not null references incident_review (incident_id),
    title        text not null,
    owner_id     uuid not null,
    due_on       date not null,
    status       text not null check (status in ('open', 'done')),
    done_at      timestamptz,
    created_at   timestamptz not null,
    version      bigint not null
);
create index corrective_action_incident on corrective_action (incident_id, created_at);
create index corrective_action_open on corrective_action (due_on) where status = 'open';

-- One row per reason an incident recurs: the earlier incident it resembles, and why.
create table recurrence (
    incident_id           uuid not null,
    incident_reference    text not null,
    incident_title        text not null,
    incident_reported_at  timestamptz not null,
    earlier_id            uuid not null,
    earlier_reference     text not null,
    earlier_title         text not null,
    earlier_reported_at   timestamptz not null,
    reason                text not null check (reason in ('same-asset', 'similar-text', 'same-root-cause')),
    score                 double precision not null,
    detected_at           timestamptz not null,
    primary key (incident_id, earlier_id, reason)
);
create index recurrence_recent on recurrence (incident_reported_at desc, incident_id);
create index recurrence_earlier on recurrence (earlier_id);

-- Incidents whose recurrence is still to be (re)computed; drained with SKIP LOCKED by any node.
create table recurrence_check (
    incident_id  uuid primary key,
    queued_at    timestamptz not null
);
