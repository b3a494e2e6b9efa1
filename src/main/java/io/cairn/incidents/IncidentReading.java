package io.cairn.incidents;

import io.cairn.identity.Actor;
import io.cairn.identity.UserId;
import io.cairn.shared.Language;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading incidents as the signed-in user may see them: one incident and its timeline (a read of a confidential one is
 * audited), a reference resolved, the list with its filters, the reporter's own reports, and the RSIT categories.
 */
@Component
class IncidentReading {

    private static final Pattern REFERENCE = Pattern.compile("(?i)^\\s*(?:INC-?)?(\\d{1,18})\\s*$");

    private final IncidentChanges changes;
    private final Incidents incidents;
    private final Timeline timeline;
    private final IncidentSearch search;
    private final PriorityMatrices matrices;
    private final RsitTaxonomy taxonomy;
    private final JdbcClient jdbc;

    IncidentReading(
            IncidentChanges changes,
            Incidents incidents,
            Timeline timeline,
            IncidentSearch search,
            PriorityMatrices matrices,
            RsitTaxonomy taxonomy,
            JdbcClient jdbc) {
        this.changes = changes;
        this.incidents = incidents;
        this.timeline = timeline;
        this.search = search;
        this.matrices = matrices;
        this.taxonomy = taxonomy;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Map<UserId, Long> openIncidentCounts(Collection<UserId> owners) {
        if (owners.isEmpty()) {
            return Map.of();
        }
        Map<UserId, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select owner_id, count(*) as open from incident
                where owner_id in (:owners) and status not in ('CLOSED', 'DISMISSED') group by owner_id""")
                .param("owners", owners.stream().map(UserId::value).toList())
                .query((rs, row) -> counts.put(new UserId(rs.getObject("owner_id", UUID.class)), rs.getLong("open")))
                .list();
        return counts;
    }

    @Transactional
    Optional<IncidentView> incident(IncidentId id) {
        return changes.visible(id, ConfidentialIncidentViewed.Part.INCIDENT).map(changes::view);
    }

    @Transactional(readOnly = true)
    Optional<IncidentId> resolveReference(String referenceOrId) {
        Actor actor = changes.actor();
        Matcher reference = REFERENCE.matcher(referenceOrId);
        Optional<Incident> found;
        if (reference.matches()) {
            found = incidents.findByNumber(Long.parseLong(reference.group(1)));
        } else {
            try {
                found = incidents.findById(IncidentId.valueOf(referenceOrId).value());
            } catch (IllegalArgumentException notAnId) {
                found = Optional.empty();
            }
        }
        return found.filter(incident -> IncidentAccess.maySee(actor, incident)).map(Incident::id);
    }

    @Transactional
    Optional<List<TimelineEntry>> timeline(IncidentId id) {
        return changes.visible(id, ConfidentialIncidentViewed.Part.TIMELINE).map(incident -> timeline.of(id));
    }

    @Transactional(readOnly = true)
    Outcome<IncidentPage> list(IncidentFilter filter) {
        Optional<Refusal> problem = filterProblem(filter);
        if (problem.isPresent()) {
            return Outcome.refused(problem.get());
        }
        return Outcome.done(search.search(changes.actor(), filter));
    }

    private Optional<Refusal> filterProblem(IncidentFilter filter) {
        if (filter.size() < 1 || filter.size() > IncidentFilter.MAX_PAGE_SIZE) {
            return Optional.of(Refusal.invalid(
                    "size", SharedRefusals.OUT_OF_RANGE, "1", String.valueOf(IncidentFilter.MAX_PAGE_SIZE)));
        }
        if (filter.page() < 0 || filter.page() > 100_000) {
            return Optional.of(Refusal.invalid("page", SharedRefusals.OUT_OF_RANGE, "0", "100000"));
        }
        if (filter.cursor() != null && !IncidentSearch.isValidCursor(filter.cursor(), filter.sort())) {
            return Optional.of(Refusal.invalid("cursor", IncidentRefusals.NOT_A_SORTED_CURSOR));
        }
        PriorityMatrix matrix = matrices.current();
        Optional<String> unknownPriority = filter.priorities().stream()
                .filter(label -> matrix.priorityLevel(label).isEmpty())
                .findFirst();
        if (unknownPriority.isPresent()) {
            return Optional.of(Refusal.invalid(
                    "priority",
                    IncidentRefusals.NOT_A_PRIORITY,
                    unknownPriority.get(),
                    matrix.priorities().toString()));
        }
        if (filter.text() != null && filter.text().length() > 500) {
            return Optional.of(Refusal.invalid("q", SharedRefusals.TOO_LONG, "500"));
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    Outcome<IncidentPage> myReports(@Nullable String cursor) {
        IncidentFilter filter = new IncidentFilter(
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                IncidentFilter.Sort.REPORTED,
                false,
                0,
                25,
                cursor);
        if (cursor != null && !IncidentSearch.isValidCursor(cursor, filter.sort())) {
            return Outcome.refused(Refusal.invalid("cursor", IncidentRefusals.NOT_A_CURSOR));
        }
        return Outcome.done(search.reportedBy(changes.actor(), filter));
    }

    List<IncidentManagement.CategoryChoice> categories() {
        Language language = Language.current();
        return taxonomy.classes().stream()
                .flatMap(c -> c.types().stream()
                        .map(t -> new IncidentManagement.CategoryChoice(
                                new Category(c.value(), t.value()),
                                c.label().in(language),
                                t.label().in(language),
                                t.description().in(language))))
                .toList();
    }

    String categoryLabel(Category category) {
        return taxonomy.label(category);
    }
}
