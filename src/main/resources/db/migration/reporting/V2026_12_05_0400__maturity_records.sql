-- The practices of the maturity model that data cannot show (a documented policy, training), as an admin recorded
-- them with their evidence: one record per practice, replaced by a newer one (its version), withdrawn by deleting it.
-- The audit trail keeps every record and withdrawal.
create table reporting_maturity_record (
    practice    text primary key,
    evidence    text        not null,
    note        text        not null default '',
    valid_until date,
    recorded_by text        not null,
    recorded_at timestamptz not null,
    version     bigint      not null
);
