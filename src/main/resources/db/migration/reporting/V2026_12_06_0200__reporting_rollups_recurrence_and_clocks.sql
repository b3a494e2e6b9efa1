-- The roll-ups also count recurrences (MET-4) and the SLA clocks breached and still running (MET-7).
-- Whether an incident recurs depends on the reviews of the incidents reported in the recurrence window before it, so a
-- change to a review marks dirty everything its incident's report can make recur: from that report to the end of the
-- window after it. The builder keeps the window it counts with here, and the form of its stored figures, and rebuilds
-- every day when either changes (as it does for the zone).
alter table reporting_rollup_state add column recurrence_window interval;
alter table reporting_rollup_state add column format integer;

-- Marks dirty, for each instant, the range from its hour to the end of the recurrence window after it.
create function reporting_mark_reach(instants timestamptz[]) returns void language sql as $$
    insert into reporting_dirty (from_at, to_at)
    select distinct date_trunc('hour', t),
        date_trunc('hour', t) + coalesce((select recurrence_window from reporting_rollup_state), interval '1 year')
            + interval '1 hour'
    from unnest(instants) t where t is not null and t > '-infinity' and t < 'infinity'
$$;

create or replace function reporting_reviews_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform reporting_mark_reach(array(select r.incident_reported_at from new_rows r));
    elsif tg_op = 'DELETE' then
        perform reporting_mark_reach(array(select r.incident_reported_at from old_rows r));
    else
        perform reporting_mark_reach(array(
            select t from new_rows n join old_rows o on o.incident_id = n.incident_id
            cross join lateral (values (n.incident_reported_at), (o.incident_reported_at)) v (t)
            where (n.status, n.root_cause, n.incident_reported_at)
                is distinct from (o.status, o.root_cause, o.incident_reported_at)));
    end if;
    return null;
end
$$;

-- The SLA clocks breached and still running (the overdue metric) count on the day they were breached, in the groups
-- of their incident: a change to a clock marks its breach (before and after) dirty, and a change to an incident's
-- groups marks its clocks' breaches dirty too.
alter table reporting_day add column breached_running bigint not null default 0;

create or replace function reporting_clocks_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform reporting_mark_hours(array(
            select t from new_rows c left join incident i on i.id = c.incident_id
            cross join lateral (values (i.reported_at), (c.breached_at)) v (t)));
    elsif tg_op = 'DELETE' then
        perform reporting_mark_hours(array(
            select t from old_rows c left join incident i on i.id = c.incident_id
            cross join lateral (values (i.reported_at), (c.breached_at)) v (t)));
    else
        perform reporting_mark_hours(array(
            select t from new_rows n join old_rows o on o.incident_id = n.incident_id and o.kind = n.kind
            left join incident i on i.id = n.incident_id
            cross join lateral (values (i.reported_at), (n.breached_at), (o.breached_at)) v (t)
            where (n.state, n.breached_at, n.warned_at) is distinct from (o.state, o.breached_at, o.warned_at)));
    end if;
    return null;
end
$$;

create or replace function reporting_incidents_changed() returns trigger language plpgsql as $$
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
                   o.category_type, o.priority, o.severity, o.detection_source)
            union all
            select c.breached_at from new_rows n join old_rows o on o.id = n.id
            join sla_clock c on c.incident_id = n.id and c.breached_at is not null
            where (n.merged_into, n.business_unit_id, n.team_id, n.category_class, n.category_type, n.priority,
                   n.severity, n.detection_source)
                is distinct from
                  (o.merged_into, o.business_unit_id, o.team_id, o.category_class, o.category_type, o.priority,
                   o.severity, o.detection_source)));
    end if;
    return null;
end
$$;
