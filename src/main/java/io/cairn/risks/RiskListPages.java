package io.cairn.risks;

import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.UserId;
import io.cairn.identity.UserView;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.RefusalErrors;
import io.cairn.shared.SharedRefusals;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The risk register's list ({@code /risks}: filtered by status, severity, business unit, owner and overdue, sorted,
 * in pages, overdue risks marked in words) and its heat map with the trend of severities ({@code /risks/heat-map}),
 * for coordinators, admins and auditors.
 */
@Controller
class RiskListPages {

    static final int PAGE_SIZE = 50;

    private final RiskManagement risks;
    private final IdentityManagement identity;
    private final MessageSource messages;
    private final RiskChartData chartData;
    private final RiskProposals proposals;
    private final Clock clock;

    RiskListPages(
            RiskManagement risks,
            IdentityManagement identity,
            MessageSource messages,
            RiskChartData chartData,
            RiskProposals proposals,
            Clock clock) {
        this.proposals = proposals;
        this.chartData = chartData;
        this.risks = risks;
        this.identity = identity;
        this.messages = messages;
        this.clock = clock;
    }

    /** The list's filters as the page sends them: empty choices are none. */
    record ListFilters(
            @Nullable String status,
            @Nullable String severity,
            @Nullable String businessUnit,
            @Nullable String owner,
            @Nullable Boolean overdue,
            @Nullable String sort,
            @Nullable Integer page) {

        ListFilters {
            status = blankless(status);
            severity = blankless(severity);
            businessUnit = blankless(businessUnit);
            owner = blankless(owner);
            String chosen = blankless(sort);
            sort = chosen == null ? "target" : chosen;
            page = page == null ? 0 : page;
            overdue = Boolean.TRUE.equals(overdue);
        }

        private static @Nullable String blankless(@Nullable String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }

        /** The filters as the register takes them, or the refusal naming the one that is no id. */
        Outcome<RiskManagement.Filters> filters(int size) {
            return RiskFilterText.unit(businessUnit)
                    .flatMap(unit -> RiskFilterText.owner(owner)
                            .map(user -> new RiskManagement.Filters(
                                    status,
                                    severity,
                                    unit.orElse(null),
                                    user.orElse(null),
                                    Boolean.TRUE.equals(overdue),
                                    Objects.requireNonNull(sort),
                                    Objects.requireNonNull(page),
                                    size)));
        }
    }

    @GetMapping("/risks")
    String list(ListFilters filters, Model model, HttpServletResponse response) {
        Outcome<RiskPage> page = filters.filters(PAGE_SIZE).flatMap(risks::list);
        if (page instanceof Outcome.Refused<RiskPage> refused
                && refused.refusal().fields().isEmpty()) {
            RiskPages.shown(page);
        }
        model.addAttribute("page", page instanceof Outcome.Done<RiskPage> done ? done.value() : null);
        model.addAttribute(
                "proposed",
                page instanceof Outcome.Done<RiskPage> shown
                        ? proposals.proposed(shown.value().risks())
                        : Set.of());
        model.addAttribute(
                "errors",
                page instanceof Outcome.Refused<?> ? RefusalErrors.answer(page, messages, response) : Map.of());
        model.addAttribute("filters", filters);
        model.addAttribute("matrix", risks.matrix());
        model.addAttribute(
                "statuses",
                Arrays.stream(RiskStatus.values()).map(RiskStatus::code).toList());
        model.addAttribute(
                "sorts",
                Arrays.stream(RiskSort.values())
                        .map(sort -> sort.name().toLowerCase(Locale.ROOT))
                        .toList());
        model.addAttribute("units", identity.businessUnits());
        List<UserView> people =
                identity.users() instanceof Outcome.Done<List<UserView>> done ? done.value() : List.of();
        model.addAttribute("people", people);
        model.addAttribute("changes", RiskRegister.changes(identity.requireActor()));
        return "risks/list";
    }

    @GetMapping("/risks/heat-map")
    String heatMap(
            @RequestParam(required = false) @Nullable String businessUnit, Model model, HttpServletResponse response) {
        Outcome<Optional<BusinessUnitId>> unit = RiskFilterText.unit(businessUnit);
        BusinessUnitId chosen = unit instanceof Outcome.Done<Optional<BusinessUnitId>> done
                ? done.value().orElse(null)
                : null;
        YearMonth last = YearMonth.now(clock);
        HeatMap map = RiskPages.shown(risks.heatMap(chosen));
        SeverityTrend trend = RiskPages.shown(risks.trend(last.minusMonths(11), last, chosen));
        model.addAttribute("heatMap", map);
        model.addAttribute("trend", trend);
        model.addAttribute("chart", chartData.json(map, trend, LocaleContextHolder.getLocale()));
        model.addAttribute("businessUnit", chosen);
        model.addAttribute("units", identity.businessUnits());
        model.addAttribute(
                "errors",
                unit instanceof Outcome.Refused<?> ? RefusalErrors.answer(unit, messages, response) : Map.of());
        return "risks/heat-map";
    }

    /** Reads the ids of the list's filters, naming the filter of one that is none; none for an empty text. */
    static final class RiskFilterText {

        private RiskFilterText() {}

        static Outcome<Optional<BusinessUnitId>> unit(@Nullable String text) {
            return id(
                    text,
                    BusinessUnitId::valueOf,
                    () -> Refusal.invalid(
                            "businessUnit",
                            SharedRefusals.BUSINESS_UNIT_DOES_NOT_EXIST,
                            RiskChecks.clip(String.valueOf(text))));
        }

        static Outcome<Optional<UserId>> owner(@Nullable String text) {
            return id(
                    text,
                    UserId::valueOf,
                    () -> Refusal.invalid(
                            "owner", SharedRefusals.USER_DOES_NOT_EXIST, RiskChecks.clip(String.valueOf(text))));
        }

        private static <T> Outcome<Optional<T>> id(
                @Nullable String text, Function<String, T> reader, Supplier<Refusal> refusal) {
            if (text == null || text.isBlank()) {
                return Outcome.done(Optional.empty());
            }
            try {
                return Outcome.done(Optional.of(reader.apply(text.strip())));
            } catch (IllegalArgumentException e) {
                return Outcome.refused(refusal.get());
            }
        }
    }
}
