-- RISK-3: corrective actions of post-incident reviews that created a risk or became part of a risk's treatment.
create table risk_corrective_action (
    risk_id    uuid not null references risk (id),
    action_id  uuid not null,
    linked_at  timestamptz not null,
    primary key (risk_id, action_id)
);
create index risk_corrective_action_action on risk_corrective_action (action_id);
