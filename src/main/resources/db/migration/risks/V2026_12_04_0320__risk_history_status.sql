-- A risk's page shows its history: each state it was in, with its status from now on (rows written before this
-- migration have none).
alter table risk_history add column status text;
