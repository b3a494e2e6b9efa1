package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.identity.IdentityManagement;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Outcome;
import io.cairn.shared.RefusalErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The incident list: filters, sort order and paging, all in the address, so a list can be bookmarked and shared.
 * With htmx only the results are fetched and swapped; without JavaScript the filter form is a plain GET.
 */
@Controller
class IncidentListPage {

    static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);
    private static final int DEFAULT_PAGE_SIZE = 25;
    /** The parameters links to other pages of the list carry on: the components of {@link ListQuery}. */
    private static final Set<String> QUERY_PARAMETERS = Arrays.stream(ListQuery.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .collect(Collectors.toUnmodifiableSet());

    private final IncidentManagement incidents;
    private final IdentityManagement identity;
    private final PageChoices choices;
    private final MessageSource messages;
    private final List<IncidentListMarks> markers;

    IncidentListPage(
            IncidentManagement incidents,
            IdentityManagement identity,
            PageChoices choices,
            MessageSource messages,
            List<IncidentListMarks> markers) {
        this.incidents = incidents;
        this.identity = identity;
        this.choices = choices;
        this.messages = messages;
        this.markers = List.copyOf(markers);
    }

    /**
     * What the list shows, as the address carries it; dates are whole days in UTC ({@code yyyy-MM-dd}),
     * {@code reportedTo} included. They are kept as typed, so that one that is no date is shown back with a message
     * next to its field rather than lost. {@code received} is {@code true} (received from a provider) or
     * {@code false} (reported here).
     */
    record ListQuery(
            List<String> status,
            List<String> priority,
            @Nullable String categoryClass,
            @Nullable String team,
            @Nullable String businessUnit,
            @Nullable String owner,
            @Nullable String service,
            @Nullable String received,
            @Nullable String q,
            @Nullable String reportedFrom,
            @Nullable String reportedTo,
            @Nullable String sort,
            @Nullable String direction,
            @Nullable Integer page,
            @Nullable Integer size,
            @Nullable String cursor) {

        ListQuery {
            status = status == null ? List.of() : List.copyOf(status);
            priority = priority == null ? List.of() : List.copyOf(priority);
        }

        public String sortCode() {
            return sort == null || sort.isBlank() ? IncidentFilter.Sort.REPORTED.code() : sort;
        }

        public boolean ascending() {
            return "asc".equals(direction);
        }

        public int pageNumber() {
            return page == null || page < 0 ? 0 : page;
        }

        public int pageSize() {
            return size == null ? DEFAULT_PAGE_SIZE : size;
        }

        public boolean filtered() {
            return panelFiltered() || !blank(q);
        }

        /** True when a filter other than the search text is set. */
        public boolean panelFiltered() {
            return !status.isEmpty()
                    || !priority.isEmpty()
                    || !blank(categoryClass)
                    || !blank(team)
                    || !blank(businessUnit)
                    || !blank(owner)
                    || !blank(service)
                    || !blank(received)
                    || !blank(reportedFrom)
                    || !blank(reportedTo);
        }
    }

    /** One row of the list, with the names of owner and team, and other modules' marks (such as SLA due times). */
    record Row(
            IncidentSummary incident,
            String categoryLabel,
            @Nullable String ownerName,
            @Nullable String teamName,
            List<IncidentListMarks.Mark> marks) {}

    /** The links to other pages: the numbered ones near this page, the previous and the next. */
    record Paging(
            List<PageLink> pages,
            long pageCount,
            @Nullable String previous,
            @Nullable String next) {}

    /** A link to a page of the list. */
    record PageLink(int number, String url, boolean current) {}

    /** A sortable column heading: where a click leads, and whether and how the list is sorted by it now. */
    record SortLink(String url, boolean active, boolean ascending) {}

    @GetMapping("/incidents")
    String list(
            @ModelAttribute("query") ListQuery query,
            BindingResult errors,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) @Nullable String restore) {
        Actor actor = identity.requireActor();
        if (!IncidentAccess.seesOthersIncidents(actor)) {
            // a reporter follows their own reports on My reports, without the handlers' priorities and markings
            return "redirect:/";
        }
        IncidentFilter filter = ListQueryFilter.of(query, errors);
        IncidentPage page = null;
        if (!errors.hasErrors()) {
            Outcome<IncidentPage> listed = incidents.list(filter);
            if (listed instanceof Outcome.Done<IncidentPage> done) {
                page = done.value();
            } else {
                RefusalErrors.reject(((Outcome.Refused<IncidentPage>) listed).refusal(), errors);
            }
        }
        model.addAttribute("rows", page == null ? List.of() : rows(page));
        model.addAttribute("problems", problems(errors));
        model.addAttribute("page", page);
        model.addAttribute("links", paging(query, page, request));
        model.addAttribute("sortLinks", sortLinks(query, request));
        model.addAttribute("pageSizes", PAGE_SIZES);
        model.addAttribute(
                "sorts",
                List.of(IncidentFilter.Sort.values()).stream()
                        .map(IncidentFilter.Sort::code)
                        .toList());
        response.addHeader("Vary", "HX-Request");
        model.addAttribute("handles", PageChoices.handles(actor));
        if (htmx != null && restore == null) {
            return "incidents/list :: results";
        }
        addFilterChoices(model, actor);
        model.addAttribute("savedViews", incidents.savedViews());
        model.addAttribute("queryString", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("bulkStatuses", List.of(Status.values()));
        return "incidents/list";
    }

    /** The filter problems in the reader's language, each naming its filter. */
    private List<String> problems(BindingResult errors) {
        Locale locale = LocaleContextHolder.getLocale();
        return errors.getAllErrors().stream()
                .map(error -> (error instanceof FieldError field
                                ? messages.getMessage("list.filter." + field.getField(), null, field.getField(), locale)
                                        + ": "
                                : "")
                        + messages.getMessage(error, locale))
                .toList();
    }

    private void addFilterChoices(Model model, Actor actor) {
        model.addAttribute("statuses", List.of(Status.values()));
        model.addAttribute("priorities", choices.matrix().priorities());
        model.addAttribute("categories", choices.categories());
        model.addAttribute("teams", choices.teams());
        model.addAttribute("businessUnits", choices.businessUnits());
        model.addAttribute("owners", PageChoices.handles(actor) ? choices.owners() : List.of());
        model.addAttribute("services", choices.services());
        model.addAttribute("mayReport", IncidentAccess.mayReport(actor));
    }

    private List<Row> rows(IncidentPage page) {
        Set<UserId> owners = new HashSet<>();
        page.items().forEach(item -> {
            if (item.owner() != null) {
                owners.add(item.owner());
            }
        });
        Map<UserId, String> ownerNames = identity.displayNames(owners);
        Map<TeamId, String> teamNames = identity.teamNames();
        List<IncidentId> ids = page.items().stream().map(IncidentSummary::id).toList();
        List<Map<IncidentId, IncidentListMarks.Mark>> marks =
                markers.stream().map(marker -> marker.marksOf(ids)).toList();
        return page.items().stream()
                .map(item -> new Row(
                        item,
                        incidents.categoryLabel(item.category()),
                        item.owner() == null ? null : ownerNames.get(item.owner()),
                        item.team() == null ? null : teamNames.get(item.team()),
                        marks.stream()
                                .map(byIncident -> byIncident.get(item.id()))
                                .filter(Objects::nonNull)
                                .toList()))
                .toList();
    }

    /** Links to the previous and next page and to numbered pages, keeping every filter. */
    private static Paging paging(ListQuery query, @Nullable IncidentPage page, HttpServletRequest request) {
        if (page == null) {
            return new Paging(List.of(), 0, null, null);
        }
        int current = query.pageNumber();
        long pageCount = Math.max(1, (page.total() + page.size() - 1) / page.size());
        List<PageLink> numbered = new ArrayList<>();
        if (page.totalIsExact()) {
            for (long number = 0; number < pageCount; number++) {
                if (Math.abs(number - current) <= 2 || number == 0 || number == pageCount - 1) {
                    numbered.add(
                            new PageLink((int) number + 1, pageUrl(request, (int) number, null), number == current));
                }
            }
        }
        return new Paging(
                numbered,
                pageCount,
                current > 0 ? pageUrl(request, current - 1, null) : null,
                page.nextCursor() != null ? pageUrl(request, current + 1, page.nextCursor()) : null);
    }

    private static Map<String, SortLink> sortLinks(ListQuery query, HttpServletRequest request) {
        Map<String, SortLink> links = new HashMap<>();
        for (IncidentFilter.Sort sort : IncidentFilter.Sort.values()) {
            boolean active = sort.code().equals(query.sortCode());
            boolean ascendingNext = active ? !query.ascending() : sort == IncidentFilter.Sort.NUMBER;
            String url = listUrl(request)
                    .replaceQueryParam("sort", sort.code())
                    .replaceQueryParam("direction", ascendingNext ? "asc" : "desc")
                    .replaceQueryParam("page")
                    .replaceQueryParam("cursor")
                    .build()
                    .toUriString();
            links.put(sort.code(), new SortLink(url, active, query.ascending()));
        }
        return links;
    }

    private static String pageUrl(HttpServletRequest request, int page, @Nullable String cursor) {
        UriComponentsBuilder url = listUrl(request).replaceQueryParam("page").replaceQueryParam("cursor");
        if (page > 0) {
            url.queryParam("page", page);
        }
        if (cursor != null) {
            url.queryParam("cursor", cursor);
        }
        return url.build().toUriString();
    }

    /** The list's address with the query of this request, without empty parameters. */
    private static UriComponentsBuilder listUrl(HttpServletRequest request) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(request.getContextPath() + "/incidents");
        request.getParameterMap().forEach((name, values) -> {
            List<String> kept = Arrays.stream(values).filter(v -> !v.isBlank()).toList();
            if (!kept.isEmpty() && QUERY_PARAMETERS.contains(name)) {
                url.queryParam(
                        name, kept.stream().map(IncidentListPage::encoded).toArray());
            }
        });
        return url;
    }

    private static String encoded(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
