-- The registered device an incident concerns and the report template it came through: routing rules and
-- recurrence detection decide by them.
alter table incident add column asset_id uuid;
alter table incident add column template text;
create index incident_asset on incident (asset_id, reported_at desc) where asset_id is not null;
