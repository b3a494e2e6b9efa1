-- Sending the notice to the people a breach concerns: who started it (the submission that records it when every person
-- is sent or failed is made in their name), and when the sending finished (nothing queued or claimed any more).
alter table compliance_notice add column started_by uuid;
alter table compliance_notice add column started_by_name text;
alter table compliance_notice add column finished_at timestamptz;
create index compliance_notice_recipient_claims on compliance_notice_recipient (claimed_at) where status = 'sending';
