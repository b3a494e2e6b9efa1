package io.cairn.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * Sets a statement's parameters straight from their Java types, for the few statements on the hot path of
 * reporting an incident. Spring's general parameter handling ({@code JdbcClient}, {@code StatementCreatorUtils})
 * inspects every value for a dozen kinds of types and asks the connection which driver it is for every null; with
 * the 30-odd parameters of a new incident and its SLA clocks that showed in the create benchmark's profile
 * (BENCHMARKS.md). A null, and an empty array, are sent untyped, for PostgreSQL to take the column's type, as Spring
 * does for a null on PostgreSQL. A time is sent as an offset date-time in UTC: the driver writes a {@link Timestamp}
 * through a {@code Calendar} in the JVM's time zone, which showed in the same profile.
 */
public final class StatementValues implements PreparedStatementSetter {

    private final List<@Nullable Object> values;

    private StatementValues(List<@Nullable Object> values) {
        this.values = values;
    }

    /** The values, in the order of the statement's parameters. */
    public static StatementValues of(@Nullable Object... values) {
        return new StatementValues(java.util.Arrays.asList(values));
    }

    /** The values of a list, in the order of the statement's parameters. */
    public static StatementValues of(List<@Nullable Object> values) {
        return new StatementValues(values);
    }

    /**
     * Runs an insert or update {@code returning} one number (a generated id, a number from a sequence) with these
     * values, and gives the number.
     */
    public long returningNumber(JdbcOperations jdbc, String sql) {
        Optional<Long> number =
                jdbc.query(sql, this, row -> row.next() ? Optional.of(row.getLong(1)) : Optional.<Long>empty());
        if (number == null || number.isEmpty()) {
            throw new IllegalStateException("no row returned by " + sql);
        }
        return number.get();
    }

    @Override
    public void setValues(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            set(statement, i + 1, values.get(i));
        }
    }

    private static void set(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof UUID id) {
            statement.setObject(index, id);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Timestamp timestamp) {
            statement.setObject(index, OffsetDateTime.ofInstant(timestamp.toInstant(), ZoneOffset.UTC));
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof Object[] array && array.length == 0) {
            statement.setObject(index, "{}", Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }
}
