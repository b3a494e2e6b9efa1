-- RISK-2: the day the owner of an overdue risk was last reminded (in the configured zone), so that a restart or a
-- second node reminds no one twice: the scan sets it in the same guarded update that claims the risk.
alter table risk add column reminded_on date;
