-- Receiving stores a verified message and answers; applying it follows, apart. A received message is 'accepted' until
-- the applier applies it ('applied'), finds a version as high applied before ('superseded'), or fails to apply it
-- ('failed', with the reason, tried again from next_attempt_at on; never dropped).
alter table federation_received_message drop constraint federation_received_message_outcome_check;
alter table federation_received_message add constraint federation_received_message_outcome_check
    check (outcome in ('accepted', 'applied', 'superseded', 'failed'));
alter table federation_received_message
    add column attempts        int not null default 0,
    add column next_attempt_at timestamptz,
    add column failure         text,
    add column settled_at      timestamptz;
update federation_received_message set settled_at = received_at;
-- what the applier looks for: few rows, as applying follows receiving closely
create index federation_received_message_pending on federation_received_message (received_at)
    where outcome in ('accepted', 'failed');
