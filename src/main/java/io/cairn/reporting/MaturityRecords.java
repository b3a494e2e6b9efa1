package io.cairn.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored records of the maturity model's practices; each write succeeds only on the version it was read at. */
@Component
class MaturityRecords {

    private static final String COLUMNS = "practice, evidence, note, valid_until, recorded_by, recorded_at, version";

    private final JdbcClient jdbc;

    MaturityRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, MaturityRecord> all() {
        Map<String, MaturityRecord> records = new LinkedHashMap<>();
        jdbc.sql("select " + COLUMNS + " from reporting_maturity_record order by practice")
                .query((row, n) -> read(row))
                .list()
                .forEach(record -> records.put(record.practice(), record));
        return records;
    }

    Optional<MaturityRecord> find(String practice) {
        return jdbc.sql("select " + COLUMNS + " from reporting_maturity_record where practice = ?")
                .param(practice)
                .query((row, n) -> read(row))
                .optional();
    }

    /** Stores the first record of a practice; false when another was stored meanwhile. */
    boolean insert(MaturityRecord record) {
        return jdbc.sql("insert into reporting_maturity_record (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?) "
                                + "on conflict (practice) do nothing")
                        .params(values(record))
                        .update()
                == 1;
    }

    /** Replaces the record read at the version before; false when it changed meanwhile. */
    boolean replace(MaturityRecord record, long before) {
        return jdbc.sql("update reporting_maturity_record set evidence = ?, note = ?, valid_until = ?, "
                                + "recorded_by = ?, recorded_at = ?, version = ? where practice = ? and version = ?")
                        .params(
                                record.evidence(),
                                record.note(),
                                date(record.validUntil()),
                                record.recordedBy(),
                                Timestamp.from(record.recordedAt()),
                                record.version(),
                                record.practice(),
                                before)
                        .update()
                == 1;
    }

    /** Deletes the record at the version; false when it changed or went meanwhile. */
    boolean delete(String practice, long version) {
        return jdbc.sql("delete from reporting_maturity_record where practice = ? and version = ?")
                        .params(practice, version)
                        .update()
                == 1;
    }

    private static Object[] values(MaturityRecord record) {
        return new Object[] {
            record.practice(),
            record.evidence(),
            record.note(),
            date(record.validUntil()),
            record.recordedBy(),
            Timestamp.from(record.recordedAt()),
            record.version()
        };
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static MaturityRecord read(java.sql.ResultSet row) throws java.sql.SQLException {
        Date until = row.getDate("valid_until");
        return new MaturityRecord(
                row.getString("practice"),
                row.getString("evidence"),
                row.getString("note"),
                until == null ? null : until.toLocalDate(),
                row.getString("recorded_by"),
                row.getTimestamp("recorded_at").toInstant(),
                row.getLong("version"));
    }
}
