-- Report templates: the situations a reporter picks from, with guided questions and self-help tips in English and
-- Dutch. Each edit adds a version; a report keeps the questions and answers as they were asked.
create table report_template (
    id              uuid primary key,
    template_key    text not null unique,
    position        integer not null,
    retired         boolean not null,
    current_version integer not null,
    updated_at      timestamptz not null,
    version         bigint not null
);

create table report_template_version (
    template_id uuid not null references report_template (id),
    version     integer not null,
    document    jsonb not null,
    created_at  timestamptz not null,
    created_by  text not null,
    primary key (template_id, version)
);

-- What a reporter answered, as asked, for the incident the report opened.
create table intake_report (
    id                 uuid primary key,
    incident_id        uuid not null unique,
    template_id        uuid references report_template (id),
    template_version   integer,
    language           text not null,
    channel            text not null,
    answers            jsonb not null,
    device_id          uuid,
    device_description text,
    created_at         timestamptz not null
);
