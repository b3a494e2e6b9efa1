-- RISK-3: a linked incident was confirmed while its risk was anticipated, so Cairn proposes to mark the risk
-- materialized; a coordinator accepts (the risk materializes) or dismisses it. One proposal per risk and incident.
create table risk_proposal (
    risk_id      uuid not null references risk (id),
    incident_id  uuid not null,
    proposed_at  timestamptz not null,
    state        text not null check (state in ('open', 'accepted', 'dismissed')),
    decided_at   timestamptz,
    primary key (risk_id, incident_id)
);
create index risk_proposal_open on risk_proposal (risk_id) where state = 'open';
