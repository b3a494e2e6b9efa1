-- The business unit whose incidents a provider's publications become here (issue 12, item 8): through it the legal
-- entity whose regulatory profile says which duties a received personal-data breach starts. Optional: without it a
-- received incident has no business unit, and the organisation's only legal entity, if it has one, is taken.
alter table federation_peer add column business_unit_id uuid references business_unit (id);
