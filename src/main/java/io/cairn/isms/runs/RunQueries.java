package io.cairn.isms.runs;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserId;
import io.cairn.isms.procedures.ProcedureCatalogue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The lists of runs: a page of runs by state (open ones by due time), and the open steps a person works on. */
@Component
class RunQueries {

    /** The most steps the list of a person's work shows. */
    static final int MAX_WORK = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ProcedureRunStore runs;
    private final ProcedureCatalogue catalogue;
    private final IdentityManagement identity;

    RunQueries(JdbcClient jdbc, ProcedureRunStore runs, ProcedureCatalogue catalogue, IdentityManagement identity) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.catalogue = catalogue;
        this.identity = identity;
    }

    /** A page of runs: open ones by due time (undated last), closed ones newest first. */
    List<RunSummary> runs(RunFilter filter, @Nullable UserId onlyOf) {
        List<Row> rows = rows(filter, onlyOf);
        Map<UserId, String> owners =
                identity.displayNames(rows.stream().map(Row::owner).toList());
        return rows.stream()
                .map(row -> new RunSummary(
                        row.id(),
                        "PRC-" + row.number(),
                        catalogue.shown(row.name()),
                        row.state(),
                        catalogue.shown(row.phaseName()),
                        owners.getOrDefault(row.owner(), row.owner().toString()),
                        row.startedAt(),
                        row.dueAt(),
                        row.closedAt(),
                        row.openSteps()))
                .toList();
    }

    /**
     * The open steps of open runs that are the actor's to work on: their teams' tasks and approvals, the approvals the
     * start form named them for, and the tasks without a team of the runs they own; by due time.
     */
    List<Map.Entry<ProcedureRun, RunStep>> workOf(Actor actor) {
        List<UUID> teams =
                new ArrayList<>(actor.teams().stream().map(team -> team.value()).toList());
        if (teams.isEmpty()) {
            teams.add(new UUID(0, 0));
        }
        List<UUID[]> found = jdbc.sql("""
                        select s.run_id, s.id from isms_run_step s join isms_procedure_run r on r.id = s.run_id
                        where r.state = 'open' and s.state = 'open' and s.opened_at is not null
                          and (s.approver_id = :me
                               or (s.approver_id is null and s.team_id in (:teams))
                               or (s.team_id is null and s.approver_id is null and s.kind = 'task'
                                   and r.owner_id = :me))
                        order by s.due_at nulls last, r.number, s.position
                        limit :limit""")
                .param("me", actor.id().value())
                .param("teams", teams)
                .param("limit", MAX_WORK)
                .query((row, n) -> new UUID[] {row.getObject(1, UUID.class), row.getObject(2, UUID.class)})
                .list();
        Map<UUID, Optional<ProcedureRun>> loaded = new LinkedHashMap<>();
        List<Map.Entry<ProcedureRun, RunStep>> work = new ArrayList<>();
        for (UUID[] pair : found) {
            Optional<ProcedureRun> run = loaded.computeIfAbsent(pair[0], id -> runs.byId(new ProcedureRunId(id)));
            run.flatMap(r -> r.step(new RunStepId(pair[1])))
                    .ifPresent(step -> work.add(new AbstractMap.SimpleImmutableEntry<>(run.get(), step)));
        }
        return work;
    }

    private List<Row> rows(RunFilter filter, @Nullable UserId onlyOf) {
        StringBuilder sql = new StringBuilder("""
                select r.id, r.number, r.state, r.phase, r.owner_id, r.started_at, r.due_at, r.closed_at,
                    r.definition->>'name' as name, r.definition->'phases' as phases,
                    (select count(*) from isms_run_step s where s.run_id = r.id and s.state = 'open'
                        and s.opened_at is not null) as open_steps
                from isms_procedure_run r where true""");
        Map<String, Object> params = new HashMap<>();
        switch (filter.state()) {
            case OPEN -> sql.append(" and r.state = 'open'");
            case CLOSED -> sql.append(" and r.state <> 'open'");
            case ALL -> sql.append("");
        }
        if (filter.procedureType() != null) {
            sql.append(" and r.type_id = :type");
            params.put("type", filter.procedureType().value());
        }
        if (onlyOf != null) {
            sql.append(" and (r.owner_id = :user or r.requested_by = :user)");
            params.put("user", onlyOf.value());
        }
        sql.append(
                filter.state() == RunFilter.Shown.OPEN
                        ? " order by r.due_at nulls last, r.number"
                        : " order by r.started_at desc, r.number desc");
        sql.append(" limit :limit offset :offset");
        params.put("limit", filter.size());
        params.put("offset", (long) filter.page() * filter.size());
        return jdbc.sql(sql.toString())
                .params(params)
                .query((row, n) -> row(row))
                .list();
    }

    private record Row(
            ProcedureRunId id,
            long number,
            RunState state,
            String name,
            String phaseName,
            UserId owner,
            java.time.Instant startedAt,
            java.time.@Nullable Instant dueAt,
            java.time.@Nullable Instant closedAt,
            int openSteps) {}

    private static Row row(ResultSet row) throws SQLException {
        String phase = row.getString("phase");
        String phaseName = "";
        if (phase != null) {
            for (JsonNode node : JSON.readTree(row.getString("phases"))) {
                if (phase.equals(node.path("key").asString())) {
                    phaseName = node.path("name").asString();
                }
            }
        }
        return new Row(
                new ProcedureRunId(row.getObject("id", UUID.class)),
                row.getLong("number"),
                RunState.fromCode(row.getString("state")),
                row.getString("name"),
                phaseName,
                new UserId(row.getObject("owner_id", UUID.class)),
                row.getTimestamp("started_at").toInstant(),
                RunRows.instant(row, "due_at"),
                RunRows.instant(row, "closed_at"),
                row.getInt("open_steps"));
    }
}
