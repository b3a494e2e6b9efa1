package io.cairn.handling.routing;

import io.cairn.handling.caching.RecentlyRead;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored, ordered list of routing rules. */
@Component
class RoutingRules {

    private static final String SELECT = "select * from routing_rule";

    private final JdbcClient jdbc;
    private final RecentlyRead<List<RoutingRule>> recent;

    RoutingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.recent = new RecentlyRead<>(this::all);
    }

    /** The rules in order as read within the last few seconds: for routing each reported incident. */
    List<RoutingRule> recent() {
        return recent.get();
    }

    List<RoutingRule> all() {
        return jdbc.sql(SELECT + " order by position, name")
                .query((row, n) -> rule(row))
                .list();
    }

    Optional<RoutingRule> byId(RoutingRuleId id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id.value())
                .query((row, n) -> rule(row))
                .optional();
    }

    /** The SQL condition of {@link RoutingRule#matchesEverything} on the rule of the given alias. */
    private static final String MATCHES_EVERYTHING = "(%1$s.rsit_class is null and %1$s.template_key is null "
            + "and %1$s.business_unit is null and %1$s.asset is null)";

    boolean nameTaken(String name, RoutingRuleId except) {
        return jdbc.sql("select exists (select 1 from routing_rule where lower(name) = lower(?) and id <> ?)")
                .params(name, except.value())
                .query(Boolean.class)
                .single();
    }

    /**
     * Adds the rule at the end of the list; a rule with conditions goes before the catch-all rules the list ends
     * with, so that they stay last and never keep the new rule from being reached.
     */
    void add(RoutingRule rule, Instant now) {
        recent.forget();
        int position = jdbc.sql("""
                select coalesce(min(r.position), (select coalesce(max(position), 0) + 1 from routing_rule))
                from routing_rule r
                where :conditioned and %s
                  and not exists (select 1 from routing_rule later where later.position > r.position and not %s)""".formatted(MATCHES_EVERYTHING.formatted("r"), MATCHES_EVERYTHING.formatted("later")))
                .param("conditioned", !rule.matchesEverything())
                .query(Integer.class)
                .single();
        jdbc.sql("update routing_rule set position = position + 1, updated_at = ?, version = version + 1 "
                        + "where position >= ?")
                .params(Timestamp.from(now), position)
                .update();
        jdbc.sql("""
                insert into routing_rule (id, position, name, rsit_class, rsit_type, template_key, business_unit, asset,
                    team_id, owner_strategy, enabled, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(
                        rule.id().value(),
                        position,
                        rule.name(),
                        rule.rsitClass(),
                        rule.rsitType(),
                        rule.template(),
                        rule.businessUnit() == null ? null : rule.businessUnit().value(),
                        rule.asset(),
                        rule.team().value(),
                        rule.ownerStrategy().name(),
                        rule.enabled(),
                        Timestamp.from(now))
                .update();
    }

    boolean change(RoutingRule rule, long expectedVersion, Instant now) {
        recent.forget();
        return jdbc.sql("""
                update routing_rule set name = ?, rsit_class = ?, rsit_type = ?, template_key = ?, business_unit = ?,
                    asset = ?, team_id = ?, owner_strategy = ?, enabled = ?, updated_at = ?, version = version + 1
                where id = ? and version = ?""")
                        .params(
                                rule.name(),
                                rule.rsitClass(),
                                rule.rsitType(),
                                rule.template(),
                                rule.businessUnit() == null
                                        ? null
                                        : rule.businessUnit().value(),
                                rule.asset(),
                                rule.team().value(),
                                rule.ownerStrategy().name(),
                                rule.enabled(),
                                Timestamp.from(now),
                                rule.id().value(),
                                expectedVersion)
                        .update()
                == 1;
    }

    void place(RoutingRuleId id, int position, Instant now) {
        recent.forget();
        jdbc.sql("update routing_rule set position = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(position, Timestamp.from(now), id.value())
                .update();
    }

    boolean remove(RoutingRuleId id) {
        recent.forget();
        return jdbc.sql("delete from routing_rule where id = ?")
                        .param(id.value())
                        .update()
                == 1;
    }

    /**
     * Advances the rule's turn counter and returns the new count. The update locks the rule's row until the
     * transaction ends, so concurrent reports on several nodes each get their own turn, and a least-loaded choice
     * sees the incidents routed by the reports before it.
     */
    long nextTurn(RoutingRuleId id) {
        return jdbc.sql("update routing_rule set rotation = rotation + 1 where id = ? returning rotation")
                .param(id.value())
                .query(Long.class)
                .single();
    }

    private static RoutingRule rule(ResultSet row) throws SQLException {
        UUID unit = row.getObject("business_unit", UUID.class);
        return new RoutingRule(
                new RoutingRuleId(row.getObject("id", UUID.class)),
                row.getInt("position"),
                row.getString("name"),
                row.getString("rsit_class"),
                row.getString("rsit_type"),
                row.getString("template_key"),
                unit == null ? null : new BusinessUnitId(unit),
                row.getObject("asset", UUID.class),
                new TeamId(row.getObject("team_id", UUID.class)),
                RoutingRule.OwnerStrategy.valueOf(row.getString("owner_strategy")),
                row.getBoolean("enabled"),
                row.getLong("version"));
    }
}
