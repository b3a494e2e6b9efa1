-- Relaying: a received incident published to this instance's customers.
--
-- auto_relay is part of a customer subscription's publication rule: when on, received incidents that match the
-- filter and the rule and are marked CLEAR or GREEN are relayed without a handler's decision (AMBER only by a
-- handler, AMBER+STRICT and RED never). Off by default: a rule that publishes this instance's own incidents does not
-- relay what providers send.
alter table federation_subscription add column auto_relay boolean not null default false;

-- One row per relayed publication (the publication of a received incident). words_follow says whether the words sent
-- are still the provider's (prefilled, unchanged), so that a later version from the provider brings new words too;
-- once a handler wrote words of their own, they stay and only the facts follow.
create table federation_relay (
    incident_id  uuid primary key references federation_publication (incident_id) on delete cascade,
    words_follow boolean     not null,
    relayed_at   timestamptz not null
);
