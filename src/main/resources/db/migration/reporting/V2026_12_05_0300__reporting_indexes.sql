-- The metrics read a year of incidents at a time (issue 13, "Speed"; the reporting benchmark in BENCHMARKS.md). Over
-- a million incidents, each of their statements read the whole table (1.3 GB, about 0.7 s a scan on two cores);
-- these indexes carry every column the metrics read, so that the incidents of a period, and those open at a moment,
-- are one index range read from the index alone (index-only scans on a vacuumed table).
-- The incidents reported in a period: volume, breakdown, detection, seriousness, SLA, recurrence, root causes.
create index incident_reporting_reported on incident (reported_at)
    include (merged_into, closed_at, status, priority, severity, team_id, business_unit_id, category_class,
             category_type, detection_source, occurred_at, detected_at, acknowledged_at, contained_at, recovered_at,
             id, number);
-- The incidents open at a moment (not closed before it): the backlog, its age and the oldest open per team. The
-- metrics ask for coalesce(closed_at, 'infinity') >= the moment, which is this index's range.
create index incident_reporting_open on incident ((coalesce(closed_at, 'infinity'::timestamptz)), reported_at)
    include (merged_into, priority, severity, team_id, business_unit_id, category_class, category_type,
             detection_source, closed_at, number);
-- The SLA clocks breached and still running (the overdue metric): few, whatever the number of met clocks.
create index sla_clock_breached_running on sla_clock (breached_at, incident_id) where state <> 'met';
