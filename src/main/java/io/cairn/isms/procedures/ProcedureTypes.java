package io.cairn.isms.procedures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Stored procedure types ({@code isms_procedure_type}), each definition as a JSON document. */
@Component
class ProcedureTypes {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String SELECT =
            "select id, definition::text as doc, retired, updated_at, updated_by, version from isms_procedure_type";

    private final JdbcClient jdbc;

    ProcedureTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every procedure type, active ones first, by name. */
    List<ProcedureType> all() {
        return jdbc.sql(SELECT + " order by retired, definition->>'name'")
                .query((row, n) -> type(row))
                .list();
    }

    Optional<ProcedureType> byId(ProcedureTypeId id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id.value())
                .query((row, n) -> type(row))
                .optional();
    }

    boolean exists(String key) {
        return jdbc.sql("select exists (select 1 from isms_procedure_type where type_key = ?)")
                .param(key)
                .query(Boolean.class)
                .single();
    }

    void add(ProcedureTypeId id, ProcedureDefinition definition, String by, Instant now) {
        jdbc.sql("""
                insert into isms_procedure_type (id, type_key, definition, retired, updated_at, updated_by, version)
                values (?, ?, ?::jsonb, false, ?, ?, 0)""")
                .params(id.value(), definition.key(), document(definition), Timestamp.from(now), by)
                .update();
    }

    /** Replaces the definition if the stored version is the one expected; false when another change came first. */
    boolean revise(ProcedureTypeId id, ProcedureDefinition definition, long expectedVersion, String by, Instant now) {
        return jdbc.sql("""
                        update isms_procedure_type set definition = ?::jsonb, updated_at = ?, updated_by = ?,
                          version = version + 1
                        where id = ? and version = ?""")
                        .params(document(definition), Timestamp.from(now), by, id.value(), expectedVersion)
                        .update()
                == 1;
    }

    /** Retires or restores it if the stored version is the one expected; false when another change came first. */
    boolean retire(ProcedureTypeId id, boolean retired, long expectedVersion, String by, Instant now) {
        return jdbc.sql("""
                        update isms_procedure_type set retired = ?, updated_at = ?, updated_by = ?,
                          version = version + 1
                        where id = ? and version = ?""")
                        .params(retired, Timestamp.from(now), by, id.value(), expectedVersion)
                        .update()
                == 1;
    }

    static String document(ProcedureDefinition definition) {
        return json.writeValueAsString(definition);
    }

    private static ProcedureType type(ResultSet row) throws SQLException {
        return new ProcedureType(
                new ProcedureTypeId(row.getObject("id", UUID.class)),
                json.readValue(row.getString("doc"), ProcedureDefinition.class),
                row.getBoolean("retired"),
                row.getTimestamp("updated_at").toInstant(),
                row.getString("updated_by"),
                row.getLong("version"));
    }
}
