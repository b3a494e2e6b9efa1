-- An obligation whose regime no longer applies (the legal entity's profile changed, or the incident now concerns
-- another legal entity) is closed with the reason, never deleted: its stages keep the deadlines they had.
alter table compliance_obligation add column closed_at timestamptz;
alter table compliance_obligation add column closed_reason text
    check (closed_reason in ('regime-not-applicable', 'other-legal-entity', 'no-legal-entity'));
