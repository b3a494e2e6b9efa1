package io.cairn.incidents;

import static io.cairn.incidents.IncidentChanges.blankToNull;

import io.cairn.assets.ServiceId;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * The incident filter that the incident list's query asks for. Each parameter is read as typed; one that cannot be
 * read (no status, no sort order, no date, no id) is a problem next to its field in the list page's errors.
 */
final class ListQueryFilter {

    private ListQueryFilter() {}

    /** The filter of the query; when {@code errors} has errors afterwards, the list is not to be searched with it. */
    static IncidentFilter of(IncidentListPage.ListQuery query, BindingResult errors) {
        List<Status> statuses = statuses(query.status(), errors);
        IncidentFilter.Sort sort = sort(query.sortCode(), errors);
        if (!IncidentListPage.PAGE_SIZES.contains(query.pageSize())) {
            errors.rejectValue("size", "filter.invalid", "is not a page size");
        }
        LocalDate reportedFrom = day(query.reportedFrom(), "reportedFrom", errors);
        LocalDate reportedTo = day(query.reportedTo(), "reportedTo", errors);
        if (reportedFrom != null && reportedTo != null && reportedTo.isBefore(reportedFrom)) {
            errors.rejectValue("reportedTo", "filter.dates.reversed", "lies before the first day");
        }
        TeamId team = FormIds.parse(query.team(), TeamId::valueOf, "team", errors);
        BusinessUnitId businessUnit =
                FormIds.parse(query.businessUnit(), BusinessUnitId::valueOf, "businessUnit", errors);
        UserId owner = FormIds.parse(query.owner(), UserId::valueOf, "owner", errors);
        ServiceId service = FormIds.parse(query.service(), ServiceId::valueOf, "service", errors);
        List<String> priorities =
                query.priority().stream().filter(p -> !p.isBlank()).toList();
        return new IncidentFilter(
                statuses,
                priorities,
                blankToNull(query.categoryClass()),
                null,
                team,
                businessUnit,
                owner,
                service,
                received(query.received(), errors),
                null,
                blankToNull(query.q()),
                startOf(reportedFrom),
                reportedTo == null ? null : startOf(reportedTo.plusDays(1)),
                null,
                null,
                sort,
                query.ascending(),
                query.pageNumber(),
                query.pageSize(),
                blankToNull(query.cursor()));
    }

    /** The statuses the query names; empty ones are left out, and each unknown one is a problem. */
    private static List<Status> statuses(List<String> codes, BindingResult errors) {
        List<Status> statuses = new ArrayList<>();
        for (String code : codes) {
            if (!code.isBlank()) {
                try {
                    statuses.add(Status.fromCode(code));
                } catch (IllegalArgumentException unknown) {
                    errors.rejectValue("status", "filter.invalid", "is not a status");
                }
            }
        }
        return statuses;
    }

    /** Whether the query keeps only received incidents (true) or only those reported here (false); null for both. */
    private static @Nullable Boolean received(@Nullable String text, BindingResult errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            errors.rejectValue("received", "filter.invalid", "is not true or false");
            return null;
        }
        return Boolean.valueOf(text);
    }

    /** The sort order the query names, or by time of report with a problem when it names none. */
    private static IncidentFilter.Sort sort(String code, BindingResult errors) {
        try {
            return IncidentFilter.Sort.fromCode(code);
        } catch (IllegalArgumentException unknown) {
            errors.rejectValue("sort", "filter.invalid", "is not a sort order");
            return IncidentFilter.Sort.REPORTED;
        }
    }

    /** The day a filter field names ({@code yyyy-MM-dd}, years 1970 to 9999), or a problem next to the field. */
    private static @Nullable LocalDate day(@Nullable String text, String field, BindingResult errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.trim());
            if (day.getYear() >= 1970 && day.getYear() <= 9999) {
                return day;
            }
        } catch (java.time.format.DateTimeParseException notADay) {
            // refused below
        }
        errors.rejectValue(field, "filter.date.invalid", "is not a date from 1970 to 9999 (yyyy-mm-dd)");
        return null;
    }

    private static @Nullable Instant startOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
