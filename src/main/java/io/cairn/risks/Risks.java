package io.cairn.risks;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored risks of the register; statuses and closure reasons are stored by their codes. */
@Repository
class Risks {

    private static final String FILTER = """
             where (cast(:status as text) is null or status = :status)
               and (cast(:severity as text) is null or severity = :severity)
               and (cast(:unit as uuid) is null or business_unit_id = :unit)
               and (cast(:owner as uuid) is null or owner_id = :owner)
               and (cast(:overdueOn as date) is null or status <> 'closed' and mitigation_target_at < :overdueOn)""";

    private final JdbcClient jdbc;

    Risks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RiskItem> find(RiskId id) {
        return jdbc.sql("select * from risk where id = :id")
                .param("id", id.value())
                .query(Risks::item)
                .optional();
    }

    /** One page of the risks a query asks for, in its order. */
    List<RiskItem> page(RiskQuery query) {
        return filtered(
                        jdbc.sql("select * from risk " + FILTER + " order by "
                                + query.sort().sql() + " limit :size offset :offset"),
                        query)
                .param("size", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(Risks::item)
                .list();
    }

    /**
     * Hands each risk a query finds on all its pages to {@code each}, in its order, read from the database in batches
     * rather than all at once (the caller holds a transaction, so that PostgreSQL keeps a cursor).
     */
    void each(RiskQuery query, java.util.function.Consumer<RiskItem> each) {
        filtered(
                        jdbc.sql("select * from risk " + FILTER + " order by "
                                + query.sort().sql()),
                        query)
                .withFetchSize(500)
                .query(rs -> {
                    each.accept(item(rs, rs.getRow()));
                });
    }

    /**
     * Claims up to {@code limit} risks whose owner is due a reminder today, and records today as the day they were
     * reminded, in one guarded update: those not closed, past their target, and not reminded since they became
     * overdue or not since {@code remindedBefore}. Rows another scan holds are skipped, and a row another scan reminded
     * meanwhile no longer matches, so no risk is claimed twice for a day.
     */
    List<RiskItem> claimOverdue(LocalDate today, LocalDate remindedBefore, int limit) {
        return jdbc.sql("""
                        update risk set reminded_on = :today
                        where id in (select id from risk
                                     where status <> 'closed' and mitigation_target_at < :today
                                       and (reminded_on is null or reminded_on <= mitigation_target_at
                                            or reminded_on <= :remindedBefore)
                                     order by mitigation_target_at, id limit :limit
                                     for update skip locked)
                        returning *""")
                .param("today", today)
                .param("remindedBefore", remindedBefore)
                .param("limit", limit)
                .query(Risks::item)
                .list();
    }

    /** How many risks a query finds on all its pages. */
    long count(RiskQuery query) {
        return filtered(jdbc.sql("select count(*) from risk " + FILTER), query)
                .query(Long.class)
                .single();
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, RiskQuery query) {
        return sql.param(
                        "status", query.status() == null ? null : query.status().code())
                .param("severity", query.severity())
                .param(
                        "unit",
                        query.businessUnit() == null
                                ? null
                                : query.businessUnit().value())
                .param("owner", query.owner() == null ? null : query.owner().value())
                .param("overdueOn", query.overdueOn());
    }

    /** Stores a new risk. */
    void add(RiskItem risk, int severityRank) {
        jdbc.sql("""
                insert into risk (id, title, description, business_unit_id, owner_id, treatment, mitigation_target_at,
                                  likelihood, impact, severity, severity_rank, residual_likelihood, residual_impact,
                                  residual_severity, status, closure_reason, created_at, materialized_at, closed_at,
                                  version)
                values (:id, :title, :description, :unit, :owner, :treatment, :target, :likelihood, :impact, :severity,
                        :rank, :residualLikelihood, :residualImpact, :residualSeverity, :status, :reason, :createdAt,
                        :materializedAt, :closedAt, :version)""").params(columns(risk, severityRank)).update();
    }

    /** Stores the next version of a risk if the stored version is still {@code expectedVersion}. */
    boolean save(RiskItem risk, int severityRank, long expectedVersion) {
        return jdbc.sql("""
                update risk set title = :title, description = :description, business_unit_id = :unit,
                                owner_id = :owner, treatment = :treatment, mitigation_target_at = :target,
                                likelihood = :likelihood, impact = :impact, severity = :severity,
                                severity_rank = :rank, residual_likelihood = :residualLikelihood,
                                residual_impact = :residualImpact, residual_severity = :residualSeverity,
                                status = :status, closure_reason = :reason, materialized_at = :materializedAt,
                                closed_at = :closedAt, version = :version
                where id = :id and version = :expected""")
                        .params(columns(risk, severityRank))
                        .param("expected", expectedVersion)
                        .update()
                == 1;
    }

    /**
     * How many risks that are not closed have each likelihood and impact, of one business unit or of all; by their
     * residual assessment when asked, counting only those that have one.
     */
    long[][] cellCounts(int likelihoods, int impacts, @Nullable BusinessUnitId unit, boolean residual) {
        String prefix = residual ? "residual_" : "";
        long[][] counts = new long[likelihoods][impacts];
        jdbc.sql("select " + prefix + "likelihood as l, " + prefix + "impact as i, count(*) as n from risk"
                        + " where status <> 'closed' and " + prefix + "likelihood is not null"
                        + " and (cast(:unit as uuid) is null or business_unit_id = :unit) group by 1, 2")
                .param("unit", unit == null ? null : unit.value())
                .query((rs, row) -> {
                    int l = rs.getInt("l");
                    int i = rs.getInt("i");
                    if (l <= likelihoods && i <= impacts) {
                        counts[l - 1][i - 1] = rs.getLong("n");
                    }
                    return row;
                })
                .list();
        return counts;
    }

    /** Records the state a risk is in from now on, for the trend of severities. */
    void recordHistory(RiskItem risk, Instant now) {
        jdbc.sql("""
                insert into risk_history
                    (risk_id, at, version, business_unit_id, severity, residual_severity, open, status)
                values (:id, :at, :version, :unit, :severity, :residual, :open, :status)""")
                .param("id", risk.id().value())
                .param("at", Timestamp.from(now))
                .param("version", risk.version())
                .param(
                        "unit",
                        risk.details().businessUnit() == null
                                ? null
                                : risk.details().businessUnit().value())
                .param("severity", risk.current().severity())
                .param(
                        "residual",
                        risk.residual() == null ? null : risk.residual().severity())
                .param("open", risk.status() != RiskStatus.CLOSED)
                .param("status", risk.status().code())
                .update();
    }

    /** Each state a risk was in, the latest first. */
    List<RiskHistoryEntry> history(RiskId id) {
        return jdbc.sql("""
                        select at, version, severity, residual_severity, status from risk_history
                        where risk_id = :id order by version desc""")
                .param("id", id.value())
                .query((rs, row) -> new RiskHistoryEntry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getLong("version"),
                        rs.getString("severity"),
                        rs.getString("residual_severity"),
                        rs.getString("status")))
                .list();
    }

    /** How many risks were open at the end of each month from {@code first} to {@code last}, per severity. */
    Map<LocalDate, Map<String, Long>> openAtMonthEnds(LocalDate first, LocalDate last, @Nullable BusinessUnitId unit) {
        Map<LocalDate, Map<String, Long>> months = new java.util.TreeMap<>();
        jdbc.sql("""
                select cast(p.month as date) as month, h.severity, count(*) as n
                from generate_series(cast(:first as date), cast(:last as date), interval '1 month') as p(month)
                join lateral (select distinct on (risk_id) severity, open, business_unit_id from risk_history
                              where at < (p.month + interval '1 month') at time zone 'UTC'
                              order by risk_id, version desc) h on true
                where h.open and (cast(:unit as uuid) is null or h.business_unit_id = :unit)
                group by 1, 2""")
                .param("first", first)
                .param("last", last)
                .param("unit", unit == null ? null : unit.value())
                .query((rs, row) -> months.computeIfAbsent(
                                rs.getObject("month", LocalDate.class), month -> new HashMap<>())
                        .put(rs.getString("severity"), rs.getLong("n")))
                .list();
        return months;
    }

    private static Map<String, @Nullable Object> columns(RiskItem risk, int severityRank) {
        RiskDetails details = risk.details();
        Assessment residual = risk.residual();
        Map<String, @Nullable Object> columns = new HashMap<>();
        columns.put("id", risk.id().value());
        columns.put("title", details.title());
        columns.put("description", details.description());
        columns.put(
                "unit",
                details.businessUnit() == null ? null : details.businessUnit().value());
        columns.put("owner", details.owner().value());
        columns.put("treatment", details.treatment());
        columns.put("target", details.mitigationTargetAt());
        columns.put("likelihood", risk.current().likelihood());
        columns.put("impact", risk.current().impact());
        columns.put("severity", risk.current().severity());
        columns.put("rank", severityRank);
        columns.put("residualLikelihood", residual == null ? null : residual.likelihood());
        columns.put("residualImpact", residual == null ? null : residual.impact());
        columns.put("residualSeverity", residual == null ? null : residual.severity());
        columns.put("status", risk.status().code());
        columns.put(
                "reason",
                risk.closureReason() == null ? null : risk.closureReason().code());
        columns.put("createdAt", Timestamp.from(risk.createdAt()));
        columns.put("materializedAt", timestamp(risk.materializedAt()));
        columns.put("closedAt", timestamp(risk.closedAt()));
        columns.put("version", risk.version());
        return columns;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp stamp = rs.getTimestamp(column);
        return stamp == null ? null : stamp.toInstant();
    }

    private static RiskItem item(ResultSet rs, int row) throws SQLException {
        UUID unit = rs.getObject("business_unit_id", UUID.class);
        int residualLikelihood = rs.getInt("residual_likelihood");
        String reason = rs.getString("closure_reason");
        return new RiskItem(
                new RiskId(rs.getObject("id", UUID.class)),
                new RiskDetails(
                        rs.getString("title"),
                        rs.getString("description"),
                        unit == null ? null : new BusinessUnitId(unit),
                        new UserId(rs.getObject("owner_id", UUID.class)),
                        rs.getString("treatment"),
                        rs.getObject("mitigation_target_at", LocalDate.class)),
                new Assessment(rs.getInt("likelihood"), rs.getInt("impact"), rs.getString("severity")),
                residualLikelihood == 0
                        ? null
                        : new Assessment(
                                residualLikelihood, rs.getInt("residual_impact"), rs.getString("residual_severity")),
                RiskStatus.ofCode(rs.getString("status")).orElseThrow(),
                reason == null ? null : ClosureReason.ofCode(reason).orElseThrow(),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "materialized_at"),
                instant(rs, "closed_at"),
                rs.getLong("version"));
    }
}
