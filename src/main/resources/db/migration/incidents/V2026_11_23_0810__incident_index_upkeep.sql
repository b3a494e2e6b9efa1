-- Every index on incident is written for every report; these were written without need (create benchmark, BENCHMARKS.md).
-- incident_category is the leading part of incident_category_reported, which serves every query it served.
drop index if exists incident_category;
-- Most incidents are reported without an owner or a business unit, and every query on these columns asks for one owner
-- or unit (or some): such rows need no entry.
drop index if exists incident_owner;
create index incident_owner on incident (owner_id, reported_at desc) where owner_id is not null;
drop index if exists incident_business_unit;
create index incident_business_unit on incident (business_unit_id, reported_at desc) where business_unit_id is not null;
