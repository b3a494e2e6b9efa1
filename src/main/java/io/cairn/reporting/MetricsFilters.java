package io.cairn.reporting;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.incidents.DetectionSource;
import io.cairn.incidents.IncidentManagement;
import io.cairn.incidents.PriorityMatrix;
import io.cairn.incidents.Severity;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a metric's filter from the parameters a person gave, strictly: a day that is not a day, an end before the
 * start, a business unit, team or legal entity that does not exist, a category, priority, severity or detection source
 * that is not one: each is refused, naming the parameter, rather than guessed at. Without a period, the last twelve
 * months by month.
 */
@Component
class MetricsFilters {

    static final int MAX_YEARS = 20;
    static final int MAX_PERIODS = 1_000;

    private final ReportingSettings settings;
    private final IncidentManagement incidents;
    private final JdbcClient jdbc;
    private final Clock clock;

    MetricsFilters(ReportingSettings settings, IncidentManagement incidents, JdbcClient jdbc, Clock clock) {
        this.settings = settings;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Outcome<MetricsFilter> read(Map<String, String> given) {
        try {
            return Outcome.done(filter(given));
        } catch (Rejected rejected) {
            return Outcome.refused(rejected.refusal);
        }
    }

    private MetricsFilter filter(Map<String, String> given) {
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        LocalDate to = day(given, "to").orElse(today);
        LocalDate from = day(given, "from").orElse(to.minusMonths(11).withDayOfMonth(1));
        if (to.isBefore(from)) {
            throw new Rejected(Refusal.invalid("to", ReportingRefusals.END_BEFORE_START, to, from));
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            throw new Rejected(Refusal.invalid("from", ReportingRefusals.TOO_LONG, MAX_YEARS));
        }
        Granularity period =
                choice(given, "period", Granularity.values(), Granularity::code).orElse(Granularity.MONTH);
        long periods = periodsBetween(from, to, period);
        if (periods > MAX_PERIODS) {
            throw new Rejected(Refusal.invalid("period", ReportingRefusals.TOO_MANY_PERIODS, periods, MAX_PERIODS));
        }
        String[] category = text(given, "category").map(c -> c.split("/", 2)).orElse(new String[0]);
        checkCategory(category);
        return new MetricsFilter(
                from,
                to,
                period,
                settings.zone(),
                existing(given, "businessUnit", "business_unit")
                        .map(BusinessUnitId::new)
                        .orElse(null),
                existing(given, "legalEntity", "legal_entity").orElse(null),
                existing(given, "team", "team").map(TeamId::new).orElse(null),
                category.length > 0 ? category[0] : null,
                category.length > 1 ? category[1] : null,
                priority(given).orElse(null),
                choice(given, "severity", Severity.values(), Severity::code).orElse(null),
                choice(given, "detectionSource", DetectionSource.values(), DetectionSource::code)
                        .orElse(null));
    }

    private static long periodsBetween(LocalDate from, LocalDate to, Granularity period) {
        return switch (period) {
            case DAY -> ChronoUnit.DAYS.between(from, to) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(period.start(from), to) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(period.start(from), to) + 1;
            case QUARTER -> ChronoUnit.MONTHS.between(period.start(from), to) / 3 + 1;
            case YEAR -> ChronoUnit.YEARS.between(period.start(from), to) + 1;
        };
    }

    private static Optional<String> text(Map<String, String> given, String name) {
        String value = given.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<LocalDate> day(Map<String, String> given, String name) {
        return text(given, name).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new Rejected(Refusal.invalid(name, ReportingRefusals.NOT_A_DAY, value));
            }
        });
    }

    private static <T> Optional<T> choice(
            Map<String, String> given, String name, T[] values, Function<T, String> code) {
        return text(given, name)
                .map(value -> Arrays.stream(values)
                        .filter(v -> code.apply(v).equalsIgnoreCase(value))
                        .findFirst()
                        .orElseThrow(() -> new Rejected(Refusal.invalid(
                                name,
                                ReportingRefusals.UNKNOWN_VALUE,
                                value,
                                Arrays.stream(values).map(code).toList()))));
    }

    private Optional<UUID> existing(Map<String, String> given, String name, String table) {
        return text(given, name).map(value -> {
            UUID id = uuid(value).orElseThrow(() -> unknownThing(name, value));
            boolean exists = jdbc.sql("select exists (select 1 from " + table + " where id = ?)")
                    .param(id)
                    .query(Boolean.class)
                    .single();
            if (!exists) {
                throw unknownThing(name, value);
            }
            return id;
        });
    }

    private static Rejected unknownThing(String name, String value) {
        return new Rejected(Refusal.invalid(name, ReportingRefusals.UNKNOWN_THING, value));
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void checkCategory(String[] category) {
        if (category.length == 0) {
            return;
        }
        boolean known = incidents.categories().stream()
                .map(IncidentManagement.CategoryChoice::category)
                .anyMatch(c -> c.rsitClass().equals(category[0])
                        && (category.length == 1 || c.rsitType().equals(category[1])));
        if (!known) {
            throw new Rejected(Refusal.invalid(
                    "category", ReportingRefusals.UNKNOWN_VALUE, String.join("/", category), "the RSIT classes"));
        }
    }

    private Optional<Integer> priority(Map<String, String> given) {
        PriorityMatrix matrix = incidents.priorityMatrix();
        return text(given, "priority")
                .map(value -> matrix.priorityLevel(value)
                        .or(() -> level(value, matrix.priorities().size()))
                        .orElseThrow(() -> new Rejected(Refusal.invalid(
                                "priority", ReportingRefusals.UNKNOWN_VALUE, value, matrix.priorities()))));
    }

    private static Optional<Integer> level(String value, int levels) {
        return value.matches("[1-9][0-9]?") && Integer.parseInt(value) <= levels
                ? Optional.of(Integer.parseInt(value))
                : Optional.empty();
    }

    /** A parameter refused while reading the filter; caught in {@link #read}. */
    private static final class Rejected extends RuntimeException {
        private final transient Refusal refusal;

        Rejected(Refusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }
}
