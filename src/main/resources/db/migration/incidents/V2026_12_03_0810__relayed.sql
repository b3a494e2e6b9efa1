-- An incident received from a provider that this instance relayed to its customers: when it was first relayed.
alter table incident add column relayed_at timestamptz;
create index incident_relayed on incident (reported_at desc, id) where relayed_at is not null;
