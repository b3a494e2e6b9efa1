-- The timing metrics measure two more milestones (MET-1): the time to respond (to responded_at) and the dwell time (to
-- eradicated_at). A change to either marks its hours dirty, as the other milestones' do; the metrics of a period find
-- the incidents that reached them in it by these indexes, and the covering index of reported incidents carries them
-- so that the days' figures are still read from the index alone.
create index incident_reporting_responded on incident (responded_at) where responded_at is not null;
create index incident_reporting_eradicated on incident (eradicated_at) where eradicated_at is not null;

drop index incident_reporting_reported;
create index incident_reporting_reported on incident (reported_at)
    include (merged_into, closed_at, status, priority, severity, team_id, business_unit_id, category_class,
             category_type, detection_source, occurred_at, detected_at, acknowledged_at, responded_at, contained_at,
             eradicated_at, recovered_at, id, number);

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
                   n.team_id, n.category_class, n.category_type, n.priority, n.severity, n.detection_source)
                is distinct from
                  (o.reported_at, o.closed_at, o.detected_at, o.acknowledged_at, o.responded_at, o.contained_at,
                   o.eradicated_at, o.recovered_at, o.occurred_at, o.status, o.merged_into, o.business_unit_id,
                   o.team_id, o.category_class, o.category_type, o.priority, o.severity, o.detection_source)
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
