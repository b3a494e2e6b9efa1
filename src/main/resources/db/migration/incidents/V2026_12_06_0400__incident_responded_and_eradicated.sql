-- Two more milestones (PROC-3) that the timing metrics need (MET-1): when the response began (the first time the
-- incident was accepted into analysis: time to respond) and when its threat was eradicated (the first time it left
-- eradication for recovery: dwell time, from its occurrence). The lifecycle stamps them from now on; incidents from
-- before take them from their timelines' transitions, the same moments the lifecycle would have stamped. An incident
-- that reached them changes digest once (IncidentRow.snapshot names them once known).
alter table incident add column responded_at timestamptz;
alter table incident add column eradicated_at timestamptz;

update incident i set responded_at = t.responded, eradicated_at = t.eradicated
from (select incident_id,
             min(at) filter (where details ->> 'to' = 'analysis') as responded,
             min(at) filter (where details ->> 'from' = 'eradication') as eradicated
      from incident_timeline where kind = 'transitioned'
      group by incident_id) t
where t.incident_id = i.id and (t.responded is not null or t.eradicated is not null);
