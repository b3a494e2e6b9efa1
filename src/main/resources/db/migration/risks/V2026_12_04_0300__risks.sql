-- The risk register (RISK-1, RISK-2): each risk with its likelihood and impact as levels of the configured scales
-- (from 1, the lowest), the severity the configured matrix gave them and its rank (from 1, the lowest) for sorting,
-- an optional residual assessment, its status and, when closed, why and when.
create table risk (
    id                    uuid primary key,
    title                 text not null,
    description           text not null,
    business_unit_id      uuid,
    owner_id              uuid not null,
    treatment             text not null,
    mitigation_target_at  date,
    likelihood            integer not null check (likelihood >= 1),
    impact                integer not null check (impact >= 1),
    severity              text not null,
    severity_rank         integer not null,
    residual_likelihood   integer check (residual_likelihood >= 1),
    residual_impact       integer check (residual_impact >= 1),
    residual_severity     text,
    status                text not null check (status in ('anticipated', 'materialized', 'closed')),
    closure_reason        text check (closure_reason in ('eliminated', 'accepted', 'mitigated', 'transferred', 'no_risk')),
    created_at            timestamptz not null,
    materialized_at       timestamptz,
    closed_at             timestamptz,
    version               bigint not null,
    check ((status = 'closed') = (closure_reason is not null) and (status = 'closed') = (closed_at is not null)),
    check ((residual_likelihood is null) = (residual_impact is null)
        and (residual_likelihood is null) = (residual_severity is null))
);
create index risk_open_target on risk (mitigation_target_at) where status <> 'closed';
create index risk_created on risk (created_at, id);
create index risk_business_unit on risk (business_unit_id, status);
create index risk_owner on risk (owner_id, status);
