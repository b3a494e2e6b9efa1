package io.cairn.federation;

import io.cairn.assets.ProviderServiceRef;
import io.cairn.assets.ProviderServices;
import io.cairn.shared.ActorRef;
import io.cairn.shared.ContentDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogues of this instance's providers as last fetched, one per provider peer with its fetch time: what a
 * subscription at a provider may filter by, and (as {@link ProviderServices}) what a service of this organisation may
 * name as the provider service it runs on. Only active provider peers offer anything.
 */
@Service
class ProviderCatalogues implements ProviderServices {

    /**
     * A provider's catalogue as stored.
     *
     * @param fetchedAt when it was fetched from the provider
     */
    record Catalogue(PeerId peer, Instant fetchedAt, List<SubscriptionJson.Offer> services) {

        Catalogue {
            services = List.copyOf(services);
        }

        /** Whether the provider offered a service with this id. */
        boolean offers(UUID service) {
            return services.stream().anyMatch(offer -> offer.id().equals(service));
        }
    }

    private static final String OFFERED = """
            select s.peer_id, s.service_id, s.name from federation_provider_service s
            join federation_peer p on p.id = s.peer_id and p.role = 'provider' and p.state = 'active'""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProviderCatalogues(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProviderServiceRef> offered() {
        return jdbc.sql(OFFERED + " order by lower(p.name), lower(s.name)")
                .query((row, n) -> new ProviderServiceRef(
                        row.getObject("peer_id", UUID.class),
                        row.getObject("service_id", UUID.class),
                        row.getString("name")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ProviderServiceRef> find(UUID peer, UUID service) {
        return jdbc.sql(OFFERED + " where s.peer_id = ? and s.service_id = ?")
                .params(peer, service)
                .query((row, n) -> new ProviderServiceRef(peer, service, row.getString("name")))
                .optional();
    }

    /** The provider's catalogue as last fetched, if it was ever fetched. */
    @Transactional(readOnly = true)
    Optional<Catalogue> of(PeerId peer) {
        Optional<Instant> fetched = jdbc.sql("select fetched_at from federation_provider_catalogue where peer_id = ?")
                .param(peer.value())
                .query((row, n) -> row.getTimestamp("fetched_at").toInstant())
                .optional();
        return fetched.map(at -> new Catalogue(peer, at, services(peer)));
    }

    /** Replaces the provider's catalogue with what it answered now, audited with the admin as actor. */
    @Transactional
    Catalogue replace(PeerId peer, List<SubscriptionJson.Offer> offers, ActorRef actor) {
        Optional<Catalogue> before = of(peer);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into federation_provider_catalogue (peer_id, fetched_at) values (?, ?)
                        on conflict (peer_id) do update set fetched_at = excluded.fetched_at""").params(peer.value(), Timestamp.from(now)).update();
        jdbc.sql("delete from federation_provider_service where peer_id = ?")
                .param(peer.value())
                .update();
        offers.forEach(offer -> jdbc.sql("""
                        insert into federation_provider_service (peer_id, service_id, name, description)
                        values (?, ?, ?, ?)""")
                .params(peer.value(), offer.id(), offer.name(), offer.description())
                .update());
        Catalogue after = of(peer).orElseThrow();
        events.publishEvent(new ProviderCatalogueFetched(
                peer, actor, now, before.map(ProviderCatalogues::digest), Optional.of(digest(after))));
        return after;
    }

    private List<SubscriptionJson.Offer> services(PeerId peer) {
        return jdbc.sql("""
                        select service_id, name, description from federation_provider_service where peer_id = ?
                        order by lower(name), service_id""")
                .param(peer.value())
                .query((row, n) -> new SubscriptionJson.Offer(
                        row.getObject("service_id", UUID.class), row.getString("name"), row.getString("description")))
                .list();
    }

    private static String digest(@Nullable Catalogue catalogue) {
        return ContentDigest.of(String.valueOf(catalogue == null ? null : catalogue.services()))
                .hex();
    }
}
