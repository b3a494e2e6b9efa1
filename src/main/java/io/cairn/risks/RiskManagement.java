package io.cairn.risks;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserId;
import io.cairn.incidents.IncidentId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register, as the rest of Cairn and the API use it: risks with their likelihood, impact and severity,
 * listed with filters and read one by one by coordinators, admins and auditors, and changed through the verbs of
 * {@link RiskRegister}.
 */
@Service
public class RiskManagement {

    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_TREND_MONTHS = 120;

    private final Risks risks;
    private final RiskRegister register;
    private final RiskLinking linking;
    private final RiskMatrix matrix;
    private final IdentityManagement identity;
    private final RiskOverdueSettings overdue;
    private final Clock clock;

    RiskManagement(
            Risks risks,
            RiskRegister register,
            RiskLinking linking,
            RiskMatrix matrix,
            IdentityManagement identity,
            RiskOverdueSettings overdue,
            Clock clock) {
        this.overdue = overdue;
        this.risks = risks;
        this.register = register;
        this.linking = linking;
        this.matrix = matrix;
        this.identity = identity;
        this.clock = clock;
    }

    /** The risk, if the signed-in user reads the register. */
    @Transactional(readOnly = true)
    public Outcome<Risk> risk(RiskId id) {
        if (!RiskRegister.reads(identity.requireActor())) {
            return Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_READERS_READ));
        }
        return risks.find(id)
                .map(risk -> Outcome.done(view(risk)))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("risk " + id)));
    }

    /** Each state a risk was in, the latest first, if the signed-in user reads the register. */
    @Transactional
    Outcome<List<RiskHistoryEntry>> history(RiskId id) {
        return risk(id).map(risk -> risks.history(id));
    }

    /** The matrix and scales risks are assessed on. */
    RiskMatrix matrix() {
        return matrix;
    }

    /** A list of the filters as the API takes them, checked, naming the filter. */
    record Filters(
            @Nullable String status,
            @Nullable String severity,
            @Nullable BusinessUnitId businessUnit,
            @Nullable UserId owner,
            boolean overdue,
            String sort,
            int page,
            int size) {}

    /** One page of the risks the filters find, in the order asked for. */
    @Transactional(readOnly = true)
    Outcome<RiskPage> list(Filters filters) {
        if (!RiskRegister.reads(identity.requireActor())) {
            return Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_READERS_READ));
        }
        return query(filters)
                .map(query -> new RiskPage(views(risks.page(query)), query.page(), query.size(), risks.count(query)));
    }

    /** The filters checked into a query, or the refusal naming the first bad filter. */
    Outcome<RiskQuery> query(Filters filters) {
        Optional<RiskStatus> status = Optional.ofNullable(filters.status()).flatMap(RiskStatus::ofCode);
        if (filters.status() != null && status.isEmpty()) {
            return Outcome.refused(Refusal.invalid("status", SharedRefusals.MUST_BE_ONE_OF, RiskStatus.codes()));
        }
        if (filters.severity() != null && matrix.rankOf(filters.severity()) == 0) {
            return Outcome.refused(Refusal.invalid(
                    "severity",
                    SharedRefusals.MUST_BE_ONE_OF,
                    matrix.severities().toString()));
        }
        Optional<RiskSort.Sorting> sorting = RiskSort.of(filters.sort());
        if (sorting.isEmpty()) {
            return Outcome.refused(Refusal.invalid("sort", SharedRefusals.MUST_BE_ONE_OF, RiskSort.codes()));
        }
        if (filters.page() < 0 || filters.page() > 100_000) {
            return Outcome.refused(Refusal.invalid("page", SharedRefusals.OUT_OF_RANGE, "0", "100000"));
        }
        if (filters.size() < 1 || filters.size() > MAX_PAGE_SIZE) {
            return Outcome.refused(
                    Refusal.invalid("size", SharedRefusals.OUT_OF_RANGE, "1", String.valueOf(MAX_PAGE_SIZE)));
        }
        return Outcome.done(new RiskQuery(
                status.orElse(null),
                filters.severity(),
                filters.businessUnit(),
                filters.owner(),
                filters.overdue() ? today() : null,
                sorting.get(),
                filters.page(),
                filters.size()));
    }

    /** RISK-4: the heat map of the risks that are not closed, of one business unit or of all. */
    @Transactional(readOnly = true)
    public Outcome<HeatMap> heatMap(@Nullable BusinessUnitId businessUnit) {
        if (!RiskRegister.reads(identity.requireActor())) {
            return Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_READERS_READ));
        }
        int rows = matrix.likelihoods().size();
        int columns = matrix.impacts().size();
        return Outcome.done(new HeatMap(
                matrix.likelihoods(),
                matrix.impacts(),
                matrix.cells(),
                lists(risks.cellCounts(rows, columns, businessUnit, false)),
                lists(risks.cellCounts(rows, columns, businessUnit, true))));
    }

    /** RISK-4: the open risks per severity at the end of each month from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public Outcome<SeverityTrend> trend(YearMonth from, YearMonth to, @Nullable BusinessUnitId businessUnit) {
        if (!RiskRegister.reads(identity.requireActor())) {
            return Outcome.refused(Refusal.forbidden(RiskRefusals.ONLY_READERS_READ));
        }
        if (from.getYear() < 2000 || from.getYear() > 9999) {
            return Outcome.refused(Refusal.invalid("from", SharedRefusals.OUT_OF_RANGE, "2000-01", "9999-12"));
        }
        if (to.isBefore(from)) {
            return Outcome.refused(Refusal.invalid("to", RiskRefusals.END_BEFORE_START));
        }
        if (java.time.temporal.ChronoUnit.MONTHS.between(from, to) >= MAX_TREND_MONTHS) {
            return Outcome.refused(
                    Refusal.invalid("to", RiskRefusals.TREND_TOO_LONG, String.valueOf(MAX_TREND_MONTHS)));
        }
        Map<LocalDate, Map<String, Long>> counts = risks.openAtMonthEnds(from.atDay(1), to.atDay(1), businessUnit);
        List<SeverityTrend.TrendMonth> months = new java.util.ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Map<String, Long> found = counts.getOrDefault(month.atDay(1), Map.of());
            Map<String, Long> all = new java.util.HashMap<>();
            matrix.severities().forEach(severity -> all.put(severity, found.getOrDefault(severity, 0L)));
            months.add(new SeverityTrend.TrendMonth(month, all));
        }
        return Outcome.done(new SeverityTrend(matrix.severities(), months));
    }

    private static List<List<Long>> lists(long[][] counts) {
        return java.util.Arrays.stream(counts)
                .map(row -> java.util.Arrays.stream(row).boxed().toList())
                .toList();
    }

    Outcome<Risk> register(RiskForms.NewRisk form) {
        return register.register(form).map(this::view);
    }

    Outcome<Risk> revise(RiskId id, RiskForms.RiskRevision form) {
        return register.revise(id, form).map(this::view);
    }

    Outcome<Risk> assess(RiskId id, RiskForms.RiskReassessment form) {
        return register.assess(id, form).map(this::view);
    }

    Outcome<Risk> materialize(RiskId id, long version) {
        return register.materialize(id, version).map(this::view);
    }

    Outcome<Risk> close(RiskId id, RiskForms.RiskClosing form) {
        return register.close(id, form).map(this::view);
    }

    Outcome<Risk> reopen(RiskId id, long version) {
        return register.reopen(id, version).map(this::view);
    }

    /** The incidents and assets linked to a risk that the reader may see. */
    Outcome<LinkedThings> links(RiskId id) {
        return linking.of(id);
    }

    /** Links an incident to a risk, or unlinks it. */
    Outcome<LinkedThings> linkIncident(RiskId id, @Nullable String incident, boolean link) {
        return linking.linkIncident(id, incident, link);
    }

    /** Links an asset to a risk, or unlinks it. */
    Outcome<LinkedThings> linkAsset(RiskId id, @Nullable String kind, @Nullable UUID asset, boolean link) {
        return linking.linkAsset(id, kind, asset, link);
    }

    /** The risks linked to an incident the reader may see, if they read the register. */
    public Outcome<List<Risk>> risksOf(IncidentId incident) {
        return linking.risksOf(incident).map(this::views);
    }

    /** The risk as readers see it today. */
    Risk view(RiskItem risk) {
        return views(List.of(risk)).get(0);
    }

    /** The risks as readers see them today, their owners and business units named. */
    List<Risk> views(List<RiskItem> items) {
        Map<UserId, String> owners = identity.displayNames(
                items.stream().map(risk -> risk.details().owner()).toList());
        Map<BusinessUnitId, String> units =
                items.stream().anyMatch(risk -> risk.details().businessUnit() != null)
                        ? identity.businessUnitNames()
                        : Map.of();
        LocalDate today = today();
        return items.stream()
                .map(risk -> Risk.of(
                        risk,
                        matrix,
                        owners.getOrDefault(
                                risk.details().owner(), risk.details().owner().toString()),
                        risk.details().businessUnit() == null
                                ? null
                                : units.get(risk.details().businessUnit()),
                        today))
                .toList();
    }

    private LocalDate today() {
        // RISK-2: the day in the configured zone, as the reminders count it
        return LocalDate.ofInstant(clock.instant(), overdue.zone());
    }
}
