package io.cairn.isms.schedules;

import io.cairn.isms.procedures.ProcedureDefinition;
import io.cairn.isms.procedures.ProcedureTypeId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The procedure types schedules start, read from the module's own table: their id, key, name, form and whether they
 * are retired. Schedules read them without the procedure types' service, which checks who is signed in, because the
 * scanner has no one signed in.
 */
@Component
class ProcedureTypeLookup {

    private static final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final String SELECT = "select id, definition::text as doc, retired from isms_procedure_type";

    private final JdbcClient jdbc;

    ProcedureTypeLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A procedure type as schedules see it. */
    record Type(ProcedureTypeId id, ProcedureDefinition definition, boolean retired) {

        String name() {
            return definition.name();
        }
    }

    /** The type with this id (in its text form) or this key. */
    Optional<Type> find(String idOrKey) {
        String wanted = idOrKey.trim();
        Optional<UUID> id = uuid(wanted);
        return id.isPresent()
                ? jdbc.sql(SELECT + " where id = ?")
                        .param(id.get())
                        .query((row, n) -> type(row))
                        .optional()
                : jdbc.sql(SELECT + " where type_key = ?")
                        .param(wanted)
                        .query((row, n) -> type(row))
                        .optional();
    }

    Optional<Type> find(ProcedureTypeId id) {
        return find(id.toString());
    }

    /** The types runs may start from, by name, for choosing one. */
    List<Type> active() {
        return jdbc.sql(SELECT + " where not retired order by definition->>'name'")
                .query((row, n) -> type(row))
                .list();
    }

    private static Type type(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Type(
                new ProcedureTypeId(row.getObject("id", UUID.class)),
                json.readValue(row.getString("doc"), ProcedureDefinition.class),
                row.getBoolean("retired"));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
