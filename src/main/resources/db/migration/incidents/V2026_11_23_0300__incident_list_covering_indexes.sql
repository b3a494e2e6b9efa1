-- The incident list's indexes also carry the columns of the visibility rule (confidential, reporter, owner), so that
-- finding the ids of a page and counting the matches read the index alone (index-only scans): over a million
-- incidents, page 200 of a filtered list read 10,000 table rows before (see BENCHMARKS.md).
drop index incident_team_status_priority;
create index incident_team_status_priority on incident (team_id, status, priority, reported_at desc, id desc)
    include (confidential, reporter_id, owner_id);
drop index incident_status_priority;
create index incident_status_priority on incident (status, priority, reported_at desc, id desc)
    include (confidential, reporter_id, owner_id);
drop index incident_reported;
create index incident_reported on incident (reported_at desc, id desc) include (confidential, reporter_id, owner_id);
