package io.cairn.federation;

import io.cairn.incidents.Severity;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the subscriptions on both sides: those this instance's customers hold at it ({@code federation_subscription})
 * and those it holds at its providers ({@code federation_upstream_subscription}).
 */
@Component
class SubscriptionStore {

    private static final String CUSTOMERS = """
            select id, peer_id, services, min_severity, categories, auto_publish, auto_confirmed_only,
                   auto_min_severity, auto_services, auto_relay, state, created_at, updated_at, version
            from federation_subscription""";
    private static final String UPSTREAM = """
            select id, peer_id, services, min_severity, categories, state, feed_cursor, created_at, updated_at,
                   version
            from federation_upstream_subscription""";

    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One of the subscriptions customers hold at this instance, whatever its state. */
    Optional<Subscription> customers(SubscriptionId id) {
        return jdbc.sql(CUSTOMERS + " where id = ?")
                .param(id.value())
                .query(SubscriptionStore::subscription)
                .optional();
    }

    /** The names of the customers that hold the subscriptions, each once, by name. */
    List<String> customerNames(List<SubscriptionId> ids) {
        return jdbc.sql("""
                        select distinct p.name from federation_subscription s join federation_peer p on p.id = s.peer_id
                        where s.id = any(?) order by p.name""")
                .param(ids.stream().map(SubscriptionId::value).toArray(UUID[]::new))
                .query(String.class)
                .list();
    }

    /** The subscriptions customers hold at this instance: of one peer, or of every peer when it is null. */
    List<Subscription> customers(@Nullable PeerId peer) {
        return jdbc.sql(CUSTOMERS + " where (?::uuid is null or peer_id = ?) order by created_at, id")
                .params(peer == null ? null : peer.value(), peer == null ? null : peer.value())
                .query(SubscriptionStore::subscription)
                .list();
    }

    /** The active subscriptions of active customer peers: the audience publications are chosen from. */
    List<Subscription> activeAudience() {
        return jdbc.sql(CUSTOMERS.replace("from federation_subscription", """
                        from federation_subscription s
                        where s.state = 'active' and exists (select 1 from federation_peer p
                          where p.id = s.peer_id and p.state = 'active' and p.role = 'customer')
                        order by s.created_at, s.id"""))
                .query(SubscriptionStore::subscription)
                .list();
    }

    /** Whether an active subscription of an active customer peer has a rule that relays received incidents. */
    boolean anyRelaysByRule() {
        return jdbc.sql("""
                        select exists (select 1 from federation_subscription s
                          where s.state = 'active' and s.auto_relay and exists (select 1 from federation_peer p
                            where p.id = s.peer_id and p.state = 'active' and p.role = 'customer'))""").query(Boolean.class).single();
    }

    /** One of the subscriptions this instance holds at its providers, whatever its state. */
    Optional<UpstreamSubscription> upstream(SubscriptionId id) {
        return jdbc.sql(UPSTREAM + " where id = ?")
                .param(id.value())
                .query(SubscriptionStore::upstreamSubscription)
                .optional();
    }

    /** The subscriptions this instance holds at its providers: at one peer, or at every peer when it is null. */
    List<UpstreamSubscription> upstream(@Nullable PeerId peer) {
        return jdbc.sql(UPSTREAM + " where (?::uuid is null or peer_id = ?) order by created_at, id")
                .params(peer == null ? null : peer.value(), peer == null ? null : peer.value())
                .query(SubscriptionStore::upstreamSubscription)
                .list();
    }

    /** Stores a new subscription of a customer at this instance, active, without a publication rule. */
    void addCustomers(SubscriptionId id, PeerId peer, SubscriptionFilter filter, Instant now) {
        jdbc.sql("""
                        insert into federation_subscription (id, peer_id, services, min_severity, categories, state,
                                                             created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, 'active', ?, ?, 0)""").params(filterParams(id, peer, filter, now)).update();
    }

    /** Cancels a customer's subscription at the version the caller read; false when that version is not stored. */
    boolean cancelCustomers(SubscriptionId id, long version, Instant now) {
        return jdbc.sql("""
                        update federation_subscription set state = 'cancelled', updated_at = ?, version = version + 1
                        where id = ? and version = ?""").params(Timestamp.from(now), id.value(), version).update() == 1;
    }

    /**
     * Sets a customer's subscription's publication rule, or clears it (null), at the version the caller read; false
     * when that version is not stored.
     */
    boolean setRule(SubscriptionId id, @Nullable PublicationRule rule, long version, Instant now) {
        return jdbc.sql("""
                        update federation_subscription set auto_publish = ?, auto_confirmed_only = ?,
                               auto_min_severity = ?, auto_services = ?, auto_relay = ?, updated_at = ?,
                               version = version + 1
                        where id = ? and version = ?""")
                        .params(
                                rule != null,
                                rule == null || rule.confirmedOnly(),
                                rule == null || rule.minSeverity() == null
                                        ? null
                                        : rule.minSeverity().code(),
                                rule == null ? new UUID[0] : rule.services().toArray(UUID[]::new),
                                rule != null && rule.relayReceived(),
                                Timestamp.from(now),
                                id.value(),
                                version)
                        .update()
                == 1;
    }

    /** Stores a subscription this instance now holds at a provider, under the provider's id, active. */
    void addUpstream(SubscriptionId id, PeerId peer, SubscriptionFilter filter, Instant now) {
        jdbc.sql("""
                        insert into federation_upstream_subscription (id, peer_id, services, min_severity, categories,
                                                                      state, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, 'active', ?, ?, 0)""").params(filterParams(id, peer, filter, now)).update();
    }

    /** Cancels one of this instance's subscriptions at the version the caller read; false when it is not stored. */
    boolean cancelUpstream(SubscriptionId id, long version, Instant now) {
        return jdbc.sql("""
                        update federation_upstream_subscription
                        set state = 'cancelled', updated_at = ?, version = version + 1
                        where id = ? and version = ?""").params(Timestamp.from(now), id.value(), version).update() == 1;
    }

    private static Object[] filterParams(SubscriptionId id, PeerId peer, SubscriptionFilter filter, Instant now) {
        return new Object[] {
            id.value(),
            peer.value(),
            filter.services().toArray(UUID[]::new),
            filter.minSeverity() == null ? null : filter.minSeverity().code(),
            filter.categories().toArray(String[]::new),
            Timestamp.from(now),
            Timestamp.from(now)
        };
    }

    private static Subscription subscription(ResultSet row, int n) throws SQLException {
        PublicationRule rule = row.getBoolean("auto_publish")
                ? new PublicationRule(
                        row.getBoolean("auto_confirmed_only"),
                        severity(row.getString("auto_min_severity")),
                        uuids(row.getArray("auto_services")),
                        row.getBoolean("auto_relay"))
                : null;
        return new Subscription(
                new SubscriptionId(row.getObject("id", UUID.class)),
                new PeerId(row.getObject("peer_id", UUID.class)),
                filter(row),
                rule,
                row.getString("state"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                row.getLong("version"));
    }

    private static UpstreamSubscription upstreamSubscription(ResultSet row, int n) throws SQLException {
        return new UpstreamSubscription(
                new SubscriptionId(row.getObject("id", UUID.class)),
                new PeerId(row.getObject("peer_id", UUID.class)),
                filter(row),
                row.getString("state"),
                row.getString("feed_cursor"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                row.getLong("version"));
    }

    private static SubscriptionFilter filter(ResultSet row) throws SQLException {
        return new SubscriptionFilter(
                uuids(row.getArray("services")), severity(row.getString("min_severity")), List.of((String[])
                        row.getArray("categories").getArray()));
    }

    private static @Nullable Severity severity(@Nullable String code) {
        return code == null ? null : Severity.fromCode(code);
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        return Set.of((UUID[]) array.getArray());
    }
}
