-- A person without an account may report: such an incident has no reporter, only a follow-up code (in intake).
alter table incident alter column reporter_id drop not null;
