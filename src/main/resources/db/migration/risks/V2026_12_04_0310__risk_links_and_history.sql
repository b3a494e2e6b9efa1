-- RISK-3: the incidents in which a risk materialized or showed, and the assets (devices, services) it threatens.
create table risk_incident (
    risk_id      uuid not null references risk (id),
    incident_id  uuid not null,
    linked_at    timestamptz not null,
    primary key (risk_id, incident_id)
);
create index risk_incident_incident on risk_incident (incident_id);

create table risk_asset (
    risk_id     uuid not null references risk (id),
    asset_kind  text not null check (asset_kind in ('device', 'service')),
    asset_id    uuid not null,
    linked_at   timestamptz not null,
    primary key (risk_id, asset_kind, asset_id)
);
create index risk_asset_asset on risk_asset (asset_kind, asset_id);

-- RISK-4: each state a risk was in, from each change on, so that the severity of the open risks can be counted as it
-- was on any past day (the trend), per business unit.
create table risk_history (
    risk_id           uuid not null references risk (id),
    at                timestamptz not null,
    version           bigint not null,
    business_unit_id  uuid,
    severity          text not null,
    residual_severity text,
    open              boolean not null,
    primary key (risk_id, version)
);
create index risk_history_at on risk_history (at);
