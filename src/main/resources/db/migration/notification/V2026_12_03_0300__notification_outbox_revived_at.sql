-- The outbox is a queue of the delivery module: an admin's retry of a dead letter gives it a fresh count of attempts
-- and a fresh give-up time, counted from revived_at (from created_at while it was never retried). Every row is kept.
alter table notification_outbox add column revived_at timestamptz;
