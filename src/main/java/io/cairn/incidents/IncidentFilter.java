package io.cairn.incidents;

import io.cairn.assets.ServiceId;
import io.cairn.identity.BusinessUnitId;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What to list: filters, sort order and which page. {@code received} keeps only the incidents a provider published to
 * this instance (true) or only those reported here (false); null keeps both. {@code relayed} keeps only the received incidents this instance relayed to its customers (true) or only those it did not (false). Paging is by page number, or by an opaque cursor from the
 * previous page, which stays fast however deep the list goes.
 */
record IncidentFilter(
        List<Status> statuses,
        List<String> priorities,
        @Nullable String categoryClass,
        @Nullable String categoryType,
        @Nullable TeamId team,
        @Nullable BusinessUnitId businessUnit,
        @Nullable UserId owner,
        @Nullable ServiceId service,
        @Nullable Boolean received,
        @Nullable Boolean relayed,
        @Nullable String text,
        @Nullable Instant reportedFrom,
        @Nullable Instant reportedTo,
        @Nullable Instant occurredFrom,
        @Nullable Instant occurredTo,
        Sort sort,
        boolean ascending,
        int page,
        int size,
        @Nullable String cursor) {

    public static final int MAX_PAGE_SIZE = 200;

    /**
     * The orders a list can be sorted in; the id breaks ties. Priority sorts by age within a priority, so that
     * ascending it is the triage queue: the most urgent first, and of those the oldest first.
     */
    public enum Sort {
        REPORTED("reported_at"),
        UPDATED("updated_at"),
        PRIORITY("priority", "reported_at"),
        NUMBER("number");

        private final List<String> columns;

        Sort(String... columns) {
            this.columns = List.of(columns);
        }

        List<String> columns() {
            return columns;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Sort fromCode(String code) {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        }
    }

    public IncidentFilter {
        statuses = List.copyOf(statuses);
        priorities = List.copyOf(priorities);
    }

    /** Everything visible, newest first, first page of 50. */
    public static IncidentFilter everything() {
        return new IncidentFilter(
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
                Sort.REPORTED,
                false,
                0,
                50,
                null);
    }
}
