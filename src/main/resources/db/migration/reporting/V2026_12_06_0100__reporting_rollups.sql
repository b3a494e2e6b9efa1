-- Daily roll-ups of the metrics (issue 13, "Speed"): for each day in the reporting zone and each group of incidents
-- (all of them, or those of one business unit, team, category class, category, priority, severity or detection
-- source), what the metrics count of that day, so that a year is 365 rows instead of hundreds of thousands of
-- incidents. The roll-ups never guess: every change to what they count marks the hours it touches dirty, in the same
-- transaction; a day with a dirty hour is computed from the incidents until the builder has rebuilt it.

-- The zone the days are in; when the setting changes, every day is rebuilt.
create table reporting_rollup_state (
    id    boolean primary key default true check (id),
    zone  text not null
);

-- One day of one group. grouping is the group's kind ('all', 'business-unit', ...), value its key ('' for all);
-- opened and closed are also in the figures, here so that a backlog sums them in SQL; version changes at each rebuild.
create table reporting_day (
    grouping  text not null,
    value     text not null,
    day       date not null,
    version   bigint not null,
    opened    bigint not null,
    closed    bigint not null,
    figures   bytea not null,
    primary key (grouping, value, day)
);
create index reporting_day_day on reporting_day (day);
create sequence reporting_day_version;

-- The instants whose days must be rebuilt: a range per changed hour (or one range over everything, to rebuild all).
-- Rows are never merged: a change whose transaction is still open keeps its own row, which the builder cannot
-- claim before it commits.
create table reporting_dirty (
    id       bigserial primary key,
    from_at  timestamptz not null,
    to_at    timestamptz not null check (to_at > from_at)
);
create index reporting_dirty_range on reporting_dirty (from_at, to_at);

-- Find the incidents whose measures ended on a day (the five durations count on the day they ended).
create index incident_reporting_detected on incident (detected_at) where detected_at is not null;
create index incident_reporting_acknowledged on incident (acknowledged_at) where acknowledged_at is not null;
create index incident_reporting_contained on incident (contained_at) where contained_at is not null;
create index incident_reporting_recovered on incident (recovered_at) where recovered_at is not null;

-- Marks the hours of the given instants dirty (each at most once per statement).
create function reporting_mark_hours(instants timestamptz[]) returns void language sql as $$
    insert into reporting_dirty (from_at, to_at)
    select distinct date_trunc('hour', t), date_trunc('hour', t) + interval '1 hour'
    from unnest(instants) t where t is not null and t > '-infinity' and t < 'infinity'
$$;

-- Incidents: every instant a metric anchors on, before and after a change to what the metrics read.
create function reporting_incidents_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform reporting_mark_hours(array(
            select t from new_rows n cross join lateral (values (n.reported_at), (n.closed_at), (n.detected_at),
                (n.acknowledged_at), (n.contained_at), (n.recovered_at)) v (t)));
    elsif tg_op = 'DELETE' then
        perform reporting_mark_hours(array(
            select t from old_rows o cross join lateral (values (o.reported_at), (o.closed_at), (o.detected_at),
                (o.acknowledged_at), (o.contained_at), (o.recovered_at)) v (t)));
    else
        perform reporting_mark_hours(array(
            select t from new_rows n join old_rows o on o.id = n.id
            cross join lateral (values (n.reported_at), (n.closed_at), (n.detected_at), (n.acknowledged_at),
                (n.contained_at), (n.recovered_at), (o.reported_at), (o.closed_at), (o.detected_at),
                (o.acknowledged_at), (o.contained_at), (o.recovered_at)) v (t)
            where (n.reported_at, n.closed_at, n.detected_at, n.acknowledged_at, n.contained_at, n.recovered_at,
                   n.occurred_at, n.status, n.merged_into, n.business_unit_id, n.team_id, n.category_class,
                   n.category_type, n.priority, n.severity, n.detection_source)
                is distinct from
                  (o.reported_at, o.closed_at, o.detected_at, o.acknowledged_at, o.contained_at, o.recovered_at,
                   o.occurred_at, o.status, o.merged_into, o.business_unit_id, o.team_id, o.category_class,
                   o.category_type, o.priority, o.severity, o.detection_source)));
    end if;
    return null;
end
$$;
create trigger reporting_incidents_inserted after insert on incident referencing new table as new_rows
    for each statement execute function reporting_incidents_changed();
create trigger reporting_incidents_updated after update on incident referencing new table as new_rows
    old table as old_rows for each statement execute function reporting_incidents_changed();
create trigger reporting_incidents_deleted after delete on incident referencing old table as old_rows
    for each statement execute function reporting_incidents_changed();

-- SLA clocks count on the day their incident was reported.
create function reporting_clocks_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform reporting_mark_hours(array(
            select i.reported_at from new_rows c join incident i on i.id = c.incident_id));
    elsif tg_op = 'DELETE' then
        perform reporting_mark_hours(array(
            select i.reported_at from old_rows c join incident i on i.id = c.incident_id));
    else
        perform reporting_mark_hours(array(
            select i.reported_at from new_rows n join old_rows o on o.incident_id = n.incident_id and o.kind = n.kind
            join incident i on i.id = n.incident_id
            where (n.state, n.breached_at, n.warned_at) is distinct from (o.state, o.breached_at, o.warned_at)));
    end if;
    return null;
end
$$;
create trigger reporting_clocks_inserted after insert on sla_clock referencing new table as new_rows
    for each statement execute function reporting_clocks_changed();
create trigger reporting_clocks_updated after update on sla_clock referencing new table as new_rows
    old table as old_rows for each statement execute function reporting_clocks_changed();
create trigger reporting_clocks_deleted after delete on sla_clock referencing old table as old_rows
    for each statement execute function reporting_clocks_changed();

-- Reviews (a root cause identified) count on the day their incident was reported.
create function reporting_reviews_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform reporting_mark_hours(array(select r.incident_reported_at from new_rows r));
    elsif tg_op = 'DELETE' then
        perform reporting_mark_hours(array(select r.incident_reported_at from old_rows r));
    else
        perform reporting_mark_hours(array(
            select t from new_rows n join old_rows o on o.incident_id = n.incident_id
            cross join lateral (values (n.incident_reported_at), (o.incident_reported_at)) v (t)
            where (n.status, n.root_cause, n.incident_reported_at)
                is distinct from (o.status, o.root_cause, o.incident_reported_at)));
    end if;
    return null;
end
$$;
create trigger reporting_reviews_inserted after insert on incident_review referencing new table as new_rows
    for each statement execute function reporting_reviews_changed();
create trigger reporting_reviews_updated after update on incident_review referencing new table as new_rows
    old table as old_rows for each statement execute function reporting_reviews_changed();
create trigger reporting_reviews_deleted after delete on incident_review referencing old table as old_rows
    for each statement execute function reporting_reviews_changed();
