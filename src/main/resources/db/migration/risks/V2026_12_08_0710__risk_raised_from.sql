-- Issue 14: the things of other modules (a run of a security procedure) that raised a risk from a finding, so that
-- the risk names what raised it and the thing lists the risks it raised.
create table risk_raised_from (
    risk_id    uuid not null references risk (id),
    kind       text not null check (kind ~ '^[a-z][a-z-]{0,39}$'),
    origin_id  uuid not null,
    raised_at  timestamptz not null,
    raised_by  uuid not null,
    primary key (risk_id, kind, origin_id)
);
create index risk_raised_from_origin on risk_raised_from (kind, origin_id);
