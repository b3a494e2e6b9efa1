-- The roll-ups also count the breakdowns by asset, by service and by the categories of the incidents' VERIS
-- descriptions (MET-2), so that these answer from the days as the other breakdowns do. An incident counts in the group
-- of each service it affects and each category it is described with, or in its grouping's group of none.
--
-- A change to an incident's asset marks its hours as a change to its team does; a service named or a description
-- recorded marks every hour the incident adds to (its report, close and milestones, and its clocks' breaches), since
-- the groups it counts in changed on each of those days. The covering index of reported incidents carries the asset.
drop index incident_reporting_reported;
create index incident_reporting_reported on incident (reported_at)
    include (merged_into, closed_at, status, priority, severity, team_id, business_unit_id, category_class,
             category_type, detection_source, occurred_at, detected_at, acknowledged_at, responded_at, contained_at,
             eradicated_at, recovered_at, id, number, asset_id);

create or replace function reporting_incidents_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform reporting_mark_hours(array(
            select t from new_rows n cross join lateral (values (n.reported_at), (n.closed_at), (n.detected_at),
                (n.acknowledged_at), (n.responded_at), (n.contained_at), (n.eradicated_at), (n.recovered_at)) v (t)));
    elsif tg_op = 'DELETE' then
        perform reporting_mark_hours(array(
            select t from old_rows o cross join lateral (values (o.reported_at), (o.closed_at), (o.detected_at),
                (o.acknowledged_at), (o.responded_at), (o.contained_at), (o.eradicated_at), (o.recovered_at)) v (t)));
    else
        perform reporting_mark_hours(array(
            select t from new_rows n join old_rows o on o.id = n.id
            cross join lateral (values (n.reported_at), (n.closed_at), (n.detected_at), (n.acknowledged_at),
                (n.responded_at), (n.contained_at), (n.eradicated_at), (n.recovered_at), (o.reported_at),
                (o.closed_at), (o.detected_at), (o.acknowledged_at), (o.responded_at), (o.contained_at),
                (o.eradicated_at), (o.recovered_at)) v (t)
            where (n.reported_at, n.closed_at, n.detected_at, n.acknowledged_at, n.responded_at, n.contained_at,
                   n.eradicated_at, n.recovered_at, n.occurred_at, n.status, n.merged_into, n.business_unit_id,
                   n.team_id, n.category_class, n.category_type, n.priority, n.severity, n.detection_source, n.asset_id)
                is distinct from
                  (o.reported_at, o.closed_at, o.detected_at, o.acknowledged_at, o.responded_at, o.contained_at,
                   o.eradicated_at, o.recovered_at, o.occurred_at, o.status, o.merged_into, o.business_unit_id,
                   o.team_id, o.category_class, o.category_type, o.priority, o.severity, o.detection_source, o.asset_id)
            union all
            select c.breached_at from new_rows n join old_rows o on o.id = n.id
            join sla_clock c on c.incident_id = n.id and c.breached_at is not null
            where (n.merged_into, n.business_unit_id, n.team_id, n.category_class, n.category_type, n.priority,
                   n.severity, n.detection_source, n.asset_id)
                is distinct from
                  (o.merged_into, o.business_unit_id, o.team_id, o.category_class, o.category_type, o.priority,
                   o.severity, o.detection_source, o.asset_id)));
    end if;
    return null;
end
$$;

-- Marks every hour the incidents add to dirty.
create function reporting_mark_incidents(ids uuid[]) returns void language sql as $$
    select reporting_mark_hours(array(
        select t from incident i cross join lateral (values (i.reported_at), (i.closed_at), (i.detected_at),
            (i.acknowledged_at), (i.responded_at), (i.contained_at), (i.eradicated_at), (i.recovered_at)) v (t)
        where i.id = any(ids)
        union all
        select c.breached_at from sla_clock c where c.incident_id = any(ids) and c.breached_at is not null))
$$;

create function reporting_incident_groups_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform reporting_mark_incidents(array(select distinct incident_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform reporting_mark_incidents(array(select distinct incident_id from old_rows));
    else
        perform reporting_mark_incidents(array(
            select incident_id from new_rows union select incident_id from old_rows));
    end if;
    return null;
end
$$;

create trigger reporting_services_inserted after insert on incident_service referencing new table as new_rows
    for each statement execute function reporting_incident_groups_changed();
create trigger reporting_services_updated after update on incident_service referencing new table as new_rows
    old table as old_rows for each statement execute function reporting_incident_groups_changed();
create trigger reporting_services_deleted after delete on incident_service referencing old table as old_rows
    for each statement execute function reporting_incident_groups_changed();
create trigger reporting_veris_inserted after insert on incident_veris_category referencing new table as new_rows
    for each statement execute function reporting_incident_groups_changed();
create trigger reporting_veris_updated after update on incident_veris_category referencing new table as new_rows
    old table as old_rows for each statement execute function reporting_incident_groups_changed();
create trigger reporting_veris_deleted after delete on incident_veris_category referencing old table as old_rows
    for each statement execute function reporting_incident_groups_changed();
