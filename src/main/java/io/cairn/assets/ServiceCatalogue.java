package io.cairn.assets;

import io.cairn.identity.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored services and which depends on which. */
@Component
class ServiceCatalogue {

    private static final String SELECT = """
            select id, name, description, owner_team_id, criticality, provider_peer_id, provider_service_id,
                   provider_service_name, retired, created_at, updated_at, version
            from service""";

    private final JdbcClient jdbc;

    ServiceCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A service as stored, without its dependencies. */
    record Stored(
            ServiceId id,
            String name,
            String description,
            TeamId ownerTeam,
            Criticality criticality,
            @Nullable ProviderServiceRef provider,
            boolean retired,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        ServiceSummary summary() {
            return new ServiceSummary(id, name, retired);
        }
    }

    /** Every service: those in use first, then by name. */
    List<Stored> all() {
        return jdbc.sql(SELECT + " order by retired, lower(name)")
                .query((row, n) -> stored(row))
                .list();
    }

    Optional<Stored> byId(ServiceId id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id.value())
                .query((row, n) -> stored(row))
                .optional();
    }

    /** The service, locked until the transaction ends, so that of two writers the second sees the first's version. */
    Optional<Stored> lockedById(ServiceId id) {
        return jdbc.sql(SELECT + " where id = ? for update")
                .param(id.value())
                .query((row, n) -> stored(row))
                .optional();
    }

    /** The services with these ids that exist. */
    List<Stored> byIds(Collection<ServiceId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where id = any(?) order by lower(name)")
                .param(ids.stream().map(ServiceId::value).toArray(UUID[]::new))
                .query((row, n) -> stored(row))
                .list();
    }

    /** Whether another service than this one has the name, in any case. */
    boolean nameTaken(String name, @Nullable ServiceId except) {
        return jdbc.sql("select exists (select 1 from service where lower(name) = lower(?) and id is distinct from ?)")
                .params(name, except == null ? null : except.value())
                .query(Boolean.class)
                .single();
    }

    /** Every dependency: a service and one service it depends on. */
    List<Map.Entry<ServiceId, ServiceId>> dependencies() {
        return jdbc.sql("select service_id, depends_on_id from service_dependency")
                .query((row, n) -> (Map.Entry<ServiceId, ServiceId>) new AbstractMap.SimpleImmutableEntry<>(
                        new ServiceId(row.getObject("service_id", UUID.class)),
                        new ServiceId(row.getObject("depends_on_id", UUID.class))))
                .list();
    }

    /** Every service whose dependencies lead to this one, directly or through others; cycle-safe. */
    Set<ServiceId> dependingOn(ServiceId id) {
        return Set.copyOf(jdbc.sql("""
                        with recursive dependent(id) as (
                            select service_id from service_dependency where depends_on_id = ?
                            union
                            select d.service_id from service_dependency d join dependent on d.depends_on_id = dependent.id
                        )
                        select id from dependent where id <> ?""")
                .params(id.value(), id.value())
                .query((row, n) -> new ServiceId(row.getObject("id", UUID.class)))
                .list());
    }

    /** The services that run on a provider's service, and those that depend on them, directly or through others. */
    Set<ServiceId> runningOn(UUID providerPeer, UUID providerService) {
        return Set.copyOf(jdbc.sql("""
                        with recursive dependent(id) as (
                            select id from service where provider_peer_id = ? and provider_service_id = ?
                            union
                            select d.service_id from service_dependency d join dependent on d.depends_on_id = dependent.id
                        )
                        select id from dependent""")
                .params(providerPeer, providerService)
                .query((row, n) -> new ServiceId(row.getObject("id", UUID.class)))
                .list());
    }

    void add(Stored service) {
        jdbc.sql("""
                insert into service (id, name, description, owner_team_id, criticality, provider_peer_id,
                                     provider_service_id, provider_service_name, retired, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(
                        service.id().value(),
                        service.name(),
                        service.description(),
                        service.ownerTeam().value(),
                        service.criticality().name(),
                        service.provider() == null ? null : service.provider().peer(),
                        service.provider() == null ? null : service.provider().service(),
                        service.provider() == null ? null : service.provider().name(),
                        service.retired(),
                        Timestamp.from(service.createdAt()),
                        Timestamp.from(service.updatedAt()))
                .update();
    }

    /** Stores the service's new state over the given version, which the caller checked under a lock. */
    void change(Stored service) {
        jdbc.sql("""
                update service set name = ?, description = ?, owner_team_id = ?, criticality = ?, provider_peer_id = ?,
                                   provider_service_id = ?, provider_service_name = ?, retired = ?, updated_at = ?,
                                   version = version + 1
                where id = ? and version = ?""")
                .params(
                        service.name(),
                        service.description(),
                        service.ownerTeam().value(),
                        service.criticality().name(),
                        service.provider() == null ? null : service.provider().peer(),
                        service.provider() == null ? null : service.provider().service(),
                        service.provider() == null ? null : service.provider().name(),
                        service.retired(),
                        Timestamp.from(service.updatedAt()),
                        service.id().value(),
                        service.version())
                .update();
    }

    /** Replaces the services this one depends on. */
    void dependOn(ServiceId service, Collection<ServiceId> dependencies) {
        jdbc.sql("delete from service_dependency where service_id = ?")
                .param(service.value())
                .update();
        dependencies.forEach(
                dependency -> jdbc.sql("insert into service_dependency (service_id, depends_on_id) values (?, ?)")
                        .params(service.value(), dependency.value())
                        .update());
    }

    private static Stored stored(ResultSet row) throws SQLException {
        UUID peer = row.getObject("provider_peer_id", UUID.class);
        return new Stored(
                new ServiceId(row.getObject("id", UUID.class)),
                row.getString("name"),
                row.getString("description"),
                new TeamId(row.getObject("owner_team_id", UUID.class)),
                Criticality.valueOf(row.getString("criticality")),
                peer == null
                        ? null
                        : new ProviderServiceRef(
                                peer,
                                row.getObject("provider_service_id", UUID.class),
                                row.getString("provider_service_name")),
                row.getBoolean("retired"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(),
                row.getLong("version"));
    }
}
