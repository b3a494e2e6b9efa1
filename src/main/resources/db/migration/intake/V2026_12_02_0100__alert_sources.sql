-- Alert sources: an alert is accepted only for a source an admin registered, from an account the admin allowed to
-- send for it, and its de-duplication record belongs to that source, so no other sender can touch it.
create table intake_alert_source (
    source_key  text primary key,
    description text not null,
    enabled     boolean not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint not null
);

-- The accounts (by user id; users are never deleted) allowed to send alerts for a source, with their API tokens.
create table intake_alert_sender (
    source_key text not null references intake_alert_source (source_key) on delete cascade,
    user_id    uuid not null,
    primary key (source_key, user_id)
);
create index intake_alert_sender_user on intake_alert_sender (user_id);

-- Sources that alerts came from before sources had to be registered are registered disabled and with no senders:
-- anyone could send for them, so nobody is trusted to. Their de-duplication records are kept; an admin who names the
-- senders and enables the source takes them over, and one who removes the source removes them.
insert into intake_alert_source (source_key, description, enabled, created_at, updated_at, version)
select source, 'Alerts came from this source before sources were registered; choose who may send for it, then '
               || 'enable it.', false, min(first_seen), now(), 0
from intake_alert group by source;

alter table intake_alert add constraint intake_alert_registered_source
    foreign key (source) references intake_alert_source (source_key) on delete cascade;
