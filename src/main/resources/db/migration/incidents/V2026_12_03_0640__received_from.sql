-- An incident that a provider peer published to this instance names that provider (its name as registered here);
-- null for every incident reported here.
alter table incident add column received_from text;
create index incident_received on incident (reported_at desc, id) where received_from is not null;

-- Observables may come from a provider's message: its indicators.
alter table incident_observable drop constraint incident_observable_source_check;
alter table incident_observable add constraint incident_observable_source_check
    check (source in ('handler', 'alert', 'mail', 'provider'));
