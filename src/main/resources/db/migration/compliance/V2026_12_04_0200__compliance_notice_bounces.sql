-- Bounces of notices come back naming the Message-ID of the mail they return: found by it, in any case.
create index compliance_notice_recipient_message
    on compliance_notice_recipient (lower(message_id)) where message_id is not null;
