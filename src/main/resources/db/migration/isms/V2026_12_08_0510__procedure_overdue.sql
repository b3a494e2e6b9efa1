-- When the people of an overdue step or run were told (and, for a run, the coordinators): each is told once, claimed by
-- the scan that tells them, so that a second scan or a second node tells nobody twice.
alter table isms_procedure_run add column overdue_told_at timestamptz;
alter table isms_run_step add column overdue_told_at timestamptz;
create index isms_run_overdue_untold on isms_procedure_run (due_at) where state = 'open' and overdue_told_at is null;
create index isms_run_step_overdue_untold on isms_run_step (due_at)
    where state = 'open' and opened_at is not null and overdue_told_at is null;
