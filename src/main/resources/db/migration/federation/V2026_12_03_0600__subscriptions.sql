-- Subscriptions: what a customer asked its provider to publish to it. Each side keeps its own record of the same
-- subscription under the id the provider gave it.
--
-- Filters (both tables): services is the provider's service ids (empty: every service), min_severity the lowest
-- severity wanted (null: every one), categories the RSIT classes ("intrusions") or class/type pairs
-- ("intrusions/system-compromise") wanted (empty: every category). An incident matches when it names one of the
-- services (or the filter names none), is at least that severe, and is of one of the categories.

-- The subscriptions this instance's customers hold at it (this instance is their provider). The publication rule is
-- the provider's own: when auto_publish is on, every incident that matches the filter and the rule (confirmed only,
-- a minimum severity, some of the services) is published without a handler's decision.
create table federation_subscription (
    id                  uuid primary key,
    peer_id             uuid not null references federation_peer (id) on delete cascade,
    services            uuid[] not null,
    min_severity        text check (min_severity in ('low', 'medium', 'high', 'critical')),
    categories          text[] not null,
    auto_publish        boolean not null default false,
    auto_confirmed_only boolean not null default true,
    auto_min_severity   text check (auto_min_severity in ('low', 'medium', 'high', 'critical')),
    auto_services       uuid[] not null default '{}',
    state               text not null check (state in ('active', 'cancelled')),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint not null
);
create index federation_subscription_peer on federation_subscription (peer_id);

-- The subscriptions this instance holds at its providers, under the id the provider gave each. feed_cursor is where
-- this instance's reading of the provider's feed stands: the provider's opaque cursor, as it gave it.
create table federation_upstream_subscription (
    id           uuid primary key,
    peer_id      uuid not null references federation_peer (id) on delete cascade,
    services     uuid[] not null,
    min_severity text check (min_severity in ('low', 'medium', 'high', 'critical')),
    categories   text[] not null,
    state        text not null check (state in ('active', 'cancelled')),
    feed_cursor  text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint not null
);
create index federation_upstream_subscription_peer on federation_upstream_subscription (peer_id);
