package io.cairn.compliance;

import io.cairn.identity.LegalEntityId;
import io.cairn.incidents.IncidentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored obligations of incidents with their stages; a re-base names the version it replaces. */
@Component
class Obligations {

    /**
     * A stored obligation: the regime it keeps, and its stages by id.
     *
     * @param closedAt when it closed because its regime no longer applies; none while it applies
     * @param closedReason why it closed: {@code regime-not-applicable}, {@code other-legal-entity} or
     *     {@code no-legal-entity}
     */
    record Stored(
            UUID id,
            IncidentId incident,
            LegalEntityId legalEntity,
            Regime rules,
            @Nullable String authority,
            @Nullable Instant rebasedAt,
            long version,
            Map<String, StageState> stages,
            @Nullable Instant closedAt,
            @Nullable String closedReason) {

        /** The same obligation with these stages. */
        Stored withStages(Map<String, StageState> states) {
            return new Stored(
                    id, incident, legalEntity, rules, authority, rebasedAt, version, states, closedAt, closedReason);
        }
    }

    private static final JsonMapper json = JsonMapper.builder().build();
    /**
     * The kept regimes read, by their JSON: obligations of one regime version keep the same text, and reading it is
     * most of the time a page of deadlines takes. A regime is immutable, so one read serves them all.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<String, Regime> READ =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(256)
                    .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final String SELECT = "select id, incident_id, legal_entity, rules::text as rules, authority, "
            + "rebased_at, version, closed_at, closed_reason from compliance_obligation";

    private final JdbcClient jdbc;

    Obligations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Stored> ofIncident(IncidentId incident) {
        return withStages(jdbc.sql(SELECT + " where incident_id = ? order by regime, created_at")
                .param(incident.value())
                .query((row, n) -> stored(row))
                .list());
    }

    Optional<Stored> find(UUID id) {
        return withStages(jdbc.sql(SELECT + " where id = ?")
                        .param(id)
                        .query((row, n) -> stored(row))
                        .list())
                .stream()
                .findFirst();
    }

    /** The obligations of the ids that exist. */
    List<Stored> all(java.util.Collection<UUID> ids) {
        return withStages(jdbc.sql(SELECT + " where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query((row, n) -> stored(row))
                .list());
    }

    /** The obligations whose regime version differs from the one in force, with a required stage: re-base candidates. */
    List<Stored> onOtherVersions(Map<String, String> versionsInForce) {
        return withStages(jdbc.sql(SELECT + " o where exists (select 1 from compliance_obligation_stage s "
                                + "where s.obligation_id = o.id and s.required) order by created_at")
                        .query((row, n) -> stored(row))
                        .list())
                .stream()
                .filter(stored -> !stored.rules()
                        .version()
                        .equals(versionsInForce.get(stored.rules().id().value())))
                .toList();
    }

    void insert(Stored obligation, Instant now) {
        jdbc.sql("insert into compliance_obligation (id, incident_id, legal_entity, regime, regime_version, rules, "
                        + "authority, created_at, version) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, 0)")
                .params(
                        obligation.id(),
                        obligation.incident().value(),
                        obligation.legalEntity().value(),
                        obligation.rules().id().value(),
                        obligation.rules().version(),
                        json.writeValueAsString(RegimeJson.write(obligation.rules())),
                        obligation.authority(),
                        Timestamp.from(now))
                .update();
    }

    /** Replaces the regime the obligation keeps, if it is still at the version; false when someone changed it first. */
    boolean rebase(UUID id, Regime rules, long version, Instant now) {
        return jdbc.sql("update compliance_obligation set regime_version = ?, rules = ?::jsonb, rebased_at = ?, "
                                + "version = version + 1 where id = ? and version = ?")
                        .params(
                                rules.version(),
                                json.writeValueAsString(RegimeJson.write(rules)),
                                Timestamp.from(now),
                                id,
                                version)
                        .update()
                == 1;
    }

    /** Closes the obligation for the reason ({@code null}: opens it again). */
    void close(UUID id, @Nullable String reason, Instant now) {
        jdbc.sql("update compliance_obligation set closed_at = ?, closed_reason = ? where id = ?")
                .params(reason == null ? null : Timestamp.from(now), reason, id)
                .update();
    }

    /** Stores the stages' states, adding those not stored yet. */
    void saveStages(UUID obligation, List<StageState> stages) {
        for (StageState stage : stages) {
            jdbc.sql("insert into compliance_obligation_stage (obligation_id, stage, required, ever_required, "
                            + "start_floor, due_at, internal_target, opened_at, closed_at, clock_start, next_warning_at, "
                            + "submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (obligation_id, stage) do update set "
                            + "required = excluded.required, ever_required = excluded.ever_required, "
                            + "start_floor = excluded.start_floor, due_at = excluded.due_at, "
                            + "internal_target = excluded.internal_target, opened_at = excluded.opened_at, "
                            + "closed_at = excluded.closed_at, clock_start = excluded.clock_start, "
                            + "next_warning_at = excluded.next_warning_at, submitted_at = excluded.submitted_at")
                    .params(
                            obligation,
                            stage.stage(),
                            stage.required(),
                            stage.everRequired(),
                            timestamp(stage.startFloor()),
                            timestamp(stage.dueAt()),
                            stage.internalTarget(),
                            timestamp(stage.openedAt()),
                            timestamp(stage.closedAt()),
                            timestamp(stage.clockStart()),
                            timestamp(stage.nextWarningAt()),
                            timestamp(stage.submittedAt()))
                    .update();
        }
    }

    private List<Stored> withStages(List<Stored> obligations) {
        if (obligations.isEmpty()) {
            return obligations;
        }
        Map<UUID, Map<String, StageState>> stages = new LinkedHashMap<>();
        jdbc.sql("select * from compliance_obligation_stage where obligation_id = any(?)")
                .param(obligations.stream().map(Stored::id).toArray(UUID[]::new))
                .query((row, n) -> stages.computeIfAbsent(
                                row.getObject("obligation_id", UUID.class), id -> new LinkedHashMap<>())
                        .put(row.getString("stage"), stage(row)))
                .list();
        return obligations.stream()
                .map(o -> o.withStages(stages.getOrDefault(o.id(), Map.of())))
                .toList();
    }

    private static Stored stored(ResultSet row) throws SQLException {
        return new Stored(
                row.getObject("id", UUID.class),
                new IncidentId(row.getObject("incident_id", UUID.class)),
                new LegalEntityId(row.getObject("legal_entity", UUID.class)),
                READ.get(row.getString("rules"), text -> RegimeJson.read(json.readValue(text, MAP))),
                row.getString("authority"),
                instant(row.getTimestamp("rebased_at")),
                row.getLong("version"),
                Map.of(),
                instant(row.getTimestamp("closed_at")),
                row.getString("closed_reason"));
    }

    private static StageState stage(ResultSet row) throws SQLException {
        return new StageState(
                row.getString("stage"),
                row.getBoolean("required"),
                row.getBoolean("ever_required"),
                instant(row.getTimestamp("start_floor")),
                instant(row.getTimestamp("due_at")),
                row.getBoolean("internal_target"),
                instant(row.getTimestamp("opened_at")),
                instant(row.getTimestamp("closed_at")),
                instant(row.getTimestamp("clock_start")),
                instant(row.getTimestamp("next_warning_at")),
                instant(row.getTimestamp("submitted_at")));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
