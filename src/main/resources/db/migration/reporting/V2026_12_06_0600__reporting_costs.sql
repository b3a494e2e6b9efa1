-- The roll-ups also count the costs and losses recorded for each incident (MET-2, the impact metric): the economic
-- impact of its latest DORA classification, or else the direct loss of its latest NIS2 assessment, which the
-- compliance module keeps as versions of its decisions. A decision recorded, changed or removed marks its incident's
-- report hour dirty.
create function reporting_decisions_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform reporting_mark_hours(array(
            select i.reported_at from new_rows n join incident i on i.id = n.incident_id
            where n.kind in ('dora-major', 'nis2-significant')));
    elsif tg_op = 'DELETE' then
        perform reporting_mark_hours(array(
            select i.reported_at from old_rows o join incident i on i.id = o.incident_id
            where o.kind in ('dora-major', 'nis2-significant')));
    else
        perform reporting_mark_hours(array(
            select i.reported_at from (select incident_id, kind from new_rows union select incident_id, kind
            from old_rows) c join incident i on i.id = c.incident_id where c.kind in ('dora-major', 'nis2-significant')));
    end if;
    return null;
end
$$;

create trigger reporting_decisions_inserted after insert on compliance_decision referencing new table as new_rows
    for each statement execute function reporting_decisions_changed();
create trigger reporting_decisions_updated after update on compliance_decision referencing new table as new_rows
    old table as old_rows for each statement execute function reporting_decisions_changed();
create trigger reporting_decisions_deleted after delete on compliance_decision referencing old table as old_rows
    for each statement execute function reporting_decisions_changed();
