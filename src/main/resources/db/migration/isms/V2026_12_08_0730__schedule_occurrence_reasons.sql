-- An occurrence's reason is kept as its message code and variable parts too (reason_detail), so that each reader reads
-- it in their language (reason stays the English text); and the occurrences that fell while a schedule was paused are
-- recorded when it resumes, as 'paused'.
alter table isms_schedule_occurrence add column reason_detail jsonb;
alter table isms_schedule_occurrence drop constraint isms_schedule_occurrence_outcome_check;
alter table isms_schedule_occurrence add constraint isms_schedule_occurrence_outcome_check
    check (outcome in ('started', 'not-started', 'missed', 'paused'));
