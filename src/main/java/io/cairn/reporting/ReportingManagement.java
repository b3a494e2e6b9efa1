package io.cairn.reporting;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting's entry point: a metric by its name over a filter, as one table, the same for the API, the CSV export and
 * the dashboards. Coordinators, admins and auditors read every metric; a handler reads those of a team they belong to
 * (the team lead's view), and must say which.
 */
@Service
public class ReportingManagement {

    /** The parameters every metric takes. */
    static final Set<String> FILTERS = Set.of(
            "from",
            "to",
            "period",
            "businessUnit",
            "legalEntity",
            "team",
            "category",
            "priority",
            "severity",
            "detectionSource");

    private final IdentityManagement identity;
    private final MetricsFilters filters;
    private final Metrics metrics;

    ReportingManagement(IdentityManagement identity, MetricsFilters filters, Metrics metrics) {
        this.identity = identity;
        this.filters = filters;
        this.metrics = metrics;
    }

    /** The metric of the name over the filter the parameters give, or why not. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Outcome<MetricTable> metric(String name, Map<String, String> parameters) {
        return read(name, parameters).map(metrics::compute);
    }

    /**
     * Writes an allowed and valid request's metric as CSV (RFC 4180, UTF-8, a header row of the columns' keys); a list
     * such as the SLA breaches is written row by row as the database reads it, however long.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    void writeCsv(Metric.Request request, OutputStream out) {
        if (request.metric().isList()) {
            try (MetricCsv csv = MetricCsv.to(out, Metrics.columns(request.metric()))) {
                metrics.list(request.metric(), request.filter(), Integer.MAX_VALUE, csv);
            }
            return;
        }
        MetricTable table = metrics.compute(request);
        try (MetricCsv csv = MetricCsv.to(out, table.columns())) {
            table.rows().forEach(row -> csv.row(row.values().toArray()));
        }
    }

    /** The names of the metrics, in the order the glossary explains them; for those who may read metrics. */
    @Transactional
    public Outcome<List<String>> names() {
        return mayRead(Map.of())
                .map(actor -> Arrays.stream(Metric.values()).map(Metric::code).toList());
    }

    /** Checks who asks first, then the metric's name and every parameter; the request to compute. */
    @Transactional
    Outcome<Metric.Request> read(String name, Map<String, String> parameters) {
        return mayRead(parameters)
                .flatMap(actor -> Metric.named(name)
                        .map(Outcome::done)
                        .orElseGet(() -> Outcome.refused(Refusal.notFound("metric " + name))))
                .flatMap(metric -> known(metric, parameters)
                        .flatMap(checked -> filters.read(parameters))
                        .flatMap(filter -> metric.request(filter, new HashMap<>(parameters))));
    }

    /** The parameters when the metric takes each of them, or the first it does not take. */
    private static Outcome<Map<String, String>> known(Metric metric, Map<String, String> parameters) {
        Set<String> allowed = new LinkedHashSet<>(FILTERS);
        allowed.addAll(metric.parameters());
        for (String given : parameters.keySet()) {
            if (!allowed.contains(given)) {
                return Outcome.refused(
                        Refusal.invalid(given, ReportingRefusals.UNKNOWN_PARAMETER, given, List.copyOf(allowed)));
            }
        }
        return Outcome.done(parameters);
    }

    private Outcome<Actor> mayRead(Map<String, String> parameters) {
        Actor actor = identity.requireActor();
        if (actor.hasAny(Role.COORDINATOR, Role.ADMIN, Role.AUDITOR)) {
            return Outcome.done(actor);
        }
        String team = parameters.get("team");
        boolean ownTeam = actor.has(Role.HANDLER)
                && team != null
                && actor.teams().stream()
                        .anyMatch(member -> member.value().toString().equalsIgnoreCase(team.strip()));
        return ownTeam ? Outcome.done(actor) : Outcome.refused(Refusal.forbidden(ReportingRefusals.ONLY_READERS_READ));
    }
}
