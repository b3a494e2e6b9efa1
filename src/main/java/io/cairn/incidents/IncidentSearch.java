package io.cairn.incidents;

import io.cairn.assets.ServiceId;
import io.cairn.identity.Actor;
import io.cairn.identity.TeamId;
import io.cairn.identity.UserId;
import io.cairn.shared.Tlp;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The incident list as a read model: filters, free text, sort and paging in one SQL statement, scoped to what the
 * actor may see.
 *
 * <p>Paging by cursor uses the sort key and id of the last row ({@code (key, id) < (?, ?)}), so a deep page costs as
 * much as the first; paging by number uses an offset.
 */
@Component
class IncidentSearch {

    /** Counting stops here: an exact count of a million rows costs more than the page itself. */
    static final int COUNT_CAP = 10_000;

    /**
     * Counting free-text matches stops sooner: each candidate row's text must be matched, and over a million
     * incidents counting 10,000 matches of a common word took 110 ms, most of the search (BENCHMARKS.md).
     */
    static final int TEXT_COUNT_CAP = 1_000;

    private static final Pattern REFERENCE = Pattern.compile("(?i)^\\s*(?:INC-)?(\\d{1,18})\\s*$");

    private final JdbcClient jdbc;
    private final PriorityMatrices matrices;

    IncidentSearch(JdbcClient jdbc, PriorityMatrices matrices) {
        this.jdbc = jdbc;
        this.matrices = matrices;
    }

    /** One page of the list; runs inside the caller's transaction. */
    IncidentPage search(Actor actor, IncidentFilter filter) {
        List<Object> parameters = new ArrayList<>();
        return search(where(actor, filter, matrices.current(), parameters), parameters, filter);
    }

    /** The incidents the actor reported, whatever else they may see. */
    IncidentPage reportedBy(Actor actor, IncidentFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(actor, filter, matrices.current(), parameters) + " and i.reporter_id = ?";
        parameters.add(actor.id().value());
        return search(where, parameters, filter);
    }

    private IncidentPage search(String where, List<Object> parameters, IncidentFilter filter) {
        // The best plan depends on the values: a rare word wants the text index, a common one the date order, and
        // a generic plan chosen after five executions of the prepared statement took 0.1 s to 7 s where the
        // value's own plan takes milliseconds (explain.txt of bench/run). Plan each list for its values.
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        List<Row> rows = rows(where, parameters, filter, matrices.current());
        boolean more = rows.size() > filter.size();
        List<Row> page = more ? rows.subList(0, filter.size()) : rows;
        String next = more ? Cursor.encode(page.get(page.size() - 1), filter.sort()) : null;

        int cap = filter.text() != null && !filter.text().isBlank() ? TEXT_COUNT_CAP : COUNT_CAP;
        long total = jdbc.sql("select count(*) from (select 1 from incident i where " + where + " limit " + (cap + 1)
                        + ") capped")
                .params(parameters)
                .query(Long.class)
                .single();
        return new IncidentPage(
                page.stream().map(Row::summary).toList(),
                filter.page(),
                filter.size(),
                Math.min(total, cap),
                total <= cap,
                next);
    }

    /** The rows of the page in list order, and one more when there is a next page. */
    private List<Row> rows(String where, List<Object> parameters, IncidentFilter filter, PriorityMatrix matrix) {
        List<String> columns = filter.sort().columns();
        String direction = filter.ascending() ? "asc" : "desc";
        // The page's ids first, then their rows: with the list's covering indexes the inner query reads only the
        // index (an offset of 10,000 costs 10,000 index entries, not 10,000 table rows), and only the rows of the
        // page are fetched from the table.
        StringBuilder sql = new StringBuilder("select i.id from incident i where ").append(where);
        List<Object> pageParameters = new ArrayList<>(parameters);
        Optional<Cursor> cursor = Cursor.decode(filter.cursor(), filter.sort());
        if (cursor.isPresent()) {
            sql.append(" and (")
                    .append(columns.stream().map(c -> "i." + c + ", ").collect(Collectors.joining()))
                    .append("i.id) ")
                    .append(filter.ascending() ? ">" : "<")
                    .append(" (")
                    .append("?, ".repeat(columns.size()))
                    .append("?)");
            pageParameters.addAll(cursor.get().keys());
            pageParameters.add(cursor.get().id());
        }
        String order = " order by "
                + columns.stream().map(c -> "i." + c + " " + direction + ", ").collect(Collectors.joining()) + "i.id "
                + direction;
        sql.append(order).append(" limit ?");
        pageParameters.add(filter.size() + 1);
        if (cursor.isEmpty() && filter.page() > 0) {
            sql.append(" offset ?");
            pageParameters.add((long) filter.page() * filter.size());
        }
        sql.insert(0, """
                select i.id, i.number, i.title, i.category_class, i.category_type, i.priority, i.status, i.tlp,
                       i.confidential, i.owner_id, i.team_id, i.reported_at, i.updated_at, i.received_from,
                       i.relayed_at
                from incident i join (""").append(") page on page.id = i.id").append(order);
        return jdbc.sql(sql.toString())
                .params(pageParameters)
                .query((rs, n) -> new Row(summary(rs, matrix), keys(rs, columns)))
                .list();
    }

    private record Row(IncidentSummary summary, List<Object> keys) {}

    private static List<Object> keys(ResultSet rs, List<String> columns) throws SQLException {
        List<Object> keys = new ArrayList<>();
        for (String column : columns) {
            keys.add(rs.getObject(column));
        }
        return keys;
    }

    private static String where(Actor actor, IncidentFilter filter, PriorityMatrix matrix, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add(IncidentAccess.visibleCondition(actor, parameters));
        oneOf(
                conditions,
                parameters,
                "i.status",
                filter.statuses().stream().map(Status::name).toArray(String[]::new));
        oneOf(
                conditions,
                parameters,
                "i.priority",
                filter.priorities().stream()
                        .map(label -> matrix.priorityLevel(label).orElse(-1))
                        .toArray(Integer[]::new));
        equal(conditions, parameters, "i.category_class", filter.categoryClass());
        equal(conditions, parameters, "i.category_type", filter.categoryType());
        equal(
                conditions,
                parameters,
                "i.team_id",
                filter.team() == null ? null : filter.team().value());
        equal(
                conditions,
                parameters,
                "i.business_unit_id",
                filter.businessUnit() == null ? null : filter.businessUnit().value());
        equal(
                conditions,
                parameters,
                "i.owner_id",
                filter.owner() == null ? null : filter.owner().value());
        naming(conditions, parameters, filter.service());
        receivedOrNot(conditions, filter.received(), filter.relayed());
        range(conditions, parameters, "i.reported_at", filter.reportedFrom(), filter.reportedTo());
        range(conditions, parameters, "i.occurred_at", filter.occurredFrom(), filter.occurredTo());
        matching(conditions, parameters, filter.text());
        return String.join(" and ", conditions);
    }

    /**
     * The incident was received from a provider (true) or reported here (false), and relayed to this instance's
     * customers (true) or not (false), if either is asked for.
     */
    private static void receivedOrNot(List<String> conditions, @Nullable Boolean received, @Nullable Boolean relayed) {
        if (relayed != null) {
            conditions.add(relayed ? "i.relayed_at is not null" : "i.relayed_at is null");
        }
        if (received != null) {
            conditions.add(received ? "i.received_from is not null" : "i.received_from is null");
        }
    }

    /** The incident names the service as affected, if one is given. */
    private static void naming(List<String> conditions, List<Object> parameters, @Nullable ServiceId service) {
        if (service != null) {
            conditions.add("exists (select 1 from incident_service s where s.incident_id = i.id and s.service_id = ?)");
            parameters.add(service.value());
        }
    }

    /**
     * The incident matches the free text, if any is given; a text that reads as a reference ({@code INC-42}, {@code
     * 42}) also finds the incident with that number.
     */
    private static void matching(List<String> conditions, List<Object> parameters, @Nullable String text) {
        if (text != null && !text.isBlank()) {
            Matcher reference = REFERENCE.matcher(text);
            if (reference.matches()) {
                conditions.add("(i.number = ? or i.search @@ websearch_to_tsquery('simple', ?))");
                parameters.add(Long.parseLong(reference.group(1)));
            } else {
                conditions.add("i.search @@ websearch_to_tsquery('simple', ?)");
            }
            parameters.add(text.trim());
        }
    }

    /**
     * The column is one of the values, if any are given. One value is compared with "=", not "= any(array)": only then
     * does the planner know that an index on (team, status, priority, reported_at) returns the rows already in list
     * order.
     */
    private static void oneOf(List<String> conditions, List<Object> parameters, String column, Object[] values) {
        if (values.length == 1) {
            conditions.add(column + " = ?");
            parameters.add(values[0]);
        } else if (values.length > 1) {
            conditions.add(column + " = any(?)");
            parameters.add(values);
        }
    }

    private static void equal(List<String> conditions, List<Object> parameters, String column, @Nullable Object value) {
        if (value != null) {
            conditions.add(column + " = ?");
            parameters.add(value);
        }
    }

    private static void range(
            List<String> conditions,
            List<Object> parameters,
            String column,
            @Nullable Instant from,
            @Nullable Instant to) {
        if (from != null) {
            conditions.add(column + " >= ?");
            parameters.add(Timestamp.from(from));
        }
        if (to != null) {
            conditions.add(column + " < ?");
            parameters.add(Timestamp.from(to));
        }
    }

    private static IncidentSummary summary(ResultSet rs, PriorityMatrix matrix) throws SQLException {
        int priority = rs.getInt("priority");
        UUID owner = rs.getObject("owner_id", UUID.class);
        UUID team = rs.getObject("team_id", UUID.class);
        return new IncidentSummary(
                new IncidentId(rs.getObject("id", UUID.class)),
                IncidentView.referenceOf(rs.getLong("number")),
                rs.getString("title"),
                new Category(rs.getString("category_class"), rs.getString("category_type")),
                matrix.priorityLabel(priority),
                priority,
                Status.valueOf(rs.getString("status")),
                Tlp.valueOf(rs.getString("tlp")),
                rs.getBoolean("confidential"),
                owner == null ? null : new UserId(owner),
                team == null ? null : new TeamId(team),
                rs.getTimestamp("reported_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("received_from"),
                rs.getTimestamp("relayed_at") != null);
    }

    /** The position after the last row of a page: its sort keys and id, base64-encoded. */
    private record Cursor(List<Object> keys, UUID id) {

        static @Nullable String encode(Row last, IncidentFilter.Sort sort) {
            StringBuilder raw = new StringBuilder(sort.code());
            for (Object key : last.keys()) {
                raw.append('|').append(key instanceof Timestamp timestamp ? timestamp.toInstant() : key);
            }
            raw.append('|').append(last.summary().id());
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Cursor> decode(@Nullable String cursor, IncidentFilter.Sort sort) {
            if (cursor == null || cursor.isBlank()) {
                return Optional.empty();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            List<String> columns = sort.columns();
            if (parts.length != columns.size() + 2 || !parts[0].equals(sort.code())) {
                throw new IllegalArgumentException("the cursor belongs to another sort order");
            }
            List<Object> keys = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String text = parts[i + 1];
                keys.add(
                        switch (columns.get(i)) {
                            case "reported_at", "updated_at" -> Timestamp.from(Instant.parse(text));
                            case "priority" -> Integer.valueOf(text);
                            default -> Long.valueOf(text);
                        });
            }
            return Optional.of(new Cursor(keys, UUID.fromString(parts[parts.length - 1])));
        }
    }

    /** True when the text is a valid cursor for the sort order. */
    static boolean isValidCursor(String cursor, IncidentFilter.Sort sort) {
        try {
            Cursor.decode(cursor, sort);
            return true;
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
