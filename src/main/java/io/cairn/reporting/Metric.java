package io.cairn.reporting;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The metrics reporting computes, by name, each with the parameters it takes beyond the filters. */
enum Metric {
    VOLUME(List.of()),
    DURATIONS(List.of()),
    BREAKDOWN(List.of("by")),
    DETECTION(List.of()),
    SERIOUSNESS(List.of()),
    IMPACT(List.of()),
    COSTS(List.of()),
    SLA(List.of("by")),
    SLA_BREACHES(List.of("limit")),
    BACKLOG_AGE(List.of()),
    OLDEST_OPEN(List.of()),
    OVERDUE(List.of()),
    RECURRENCE(List.of()),
    ROOT_CAUSES(List.of()),
    REGULATORY(List.of()),
    LATE_SUBMISSIONS(List.of("limit"));

    /** Whether the metric is a list of records (breaches, late reports) rather than figures: the CSV holds it all. */
    boolean isList() {
        return this == SLA_BREACHES || this == LATE_SUBMISSIONS;
    }

    /** The most rows of a list the JSON answer holds; the CSV export holds them all. */
    static final int MAX_LIMIT = 10_000;

    private final List<String> parameters;

    Metric(List<String> parameters) {
        this.parameters = parameters;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    List<String> parameters() {
        return parameters;
    }

    static Optional<Metric> named(String name) {
        return Arrays.stream(values()).filter(m -> m.code().equals(name)).findFirst();
    }

    /**
     * A metric to compute over a filter, with its own parameters read.
     *
     * @param by the dimension of a breakdown or of SLA performance
     * @param limit the most rows of a list
     */
    record Request(Metric metric, MetricsFilter filter, Dimension by, int limit) {}

    Outcome<Request> request(MetricsFilter filter, Map<String, String> parameters) {
        String by = parameters
                .getOrDefault("by", this == SLA ? "priority" : "business-unit")
                .strip();
        Optional<Dimension> dimension = Arrays.stream(Dimension.values())
                .filter(d -> d.code().equals(by))
                .findFirst();
        if (dimension.isEmpty()) {
            return Outcome.refused(Refusal.invalid(
                    "by",
                    ReportingRefusals.UNKNOWN_VALUE,
                    by,
                    Arrays.stream(Dimension.values()).map(Dimension::code).toList()));
        }
        String limit = parameters.getOrDefault("limit", "1000").strip();
        if (!limit.matches("[1-9][0-9]{0,4}") || Integer.parseInt(limit) > MAX_LIMIT) {
            return Outcome.refused(Refusal.invalid("limit", ReportingRefusals.NOT_A_LIMIT, limit, MAX_LIMIT));
        }
        return Outcome.done(new Request(this, filter, dimension.get(), Integer.parseInt(limit)));
    }
}
