-- Detection takes the oldest queued incidents first; under a flood of reports the queue holds tens of thousands, and
-- without this index each batch sorted all of them (44 ms a batch in the create benchmark).
create index recurrence_check_queued on recurrence_check (queued_at);
