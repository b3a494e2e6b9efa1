package io.cairn.handling.procedures;

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

/** Stored playbooks. */
@Component
class Playbooks {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String SELECT =
            "select id, definition::text as doc, retired, updated_at, updated_by, version " + "from playbook";

    private final JdbcClient jdbc;

    Playbooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Playbook> all() {
        return jdbc.sql(SELECT + " order by retired, definition->>'name'")
                .query((row, n) -> playbook(row))
                .list();
    }

    Optional<Playbook> byId(PlaybookId id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id.value())
                .query((row, n) -> playbook(row))
                .optional();
    }

    Optional<Playbook> byKey(String key) {
        return jdbc.sql(SELECT + " where playbook_key = ?")
                .param(key)
                .query((row, n) -> playbook(row))
                .optional();
    }

    boolean exists(String key) {
        return jdbc.sql("select exists (select 1 from playbook where playbook_key = ?)")
                .param(key)
                .query(Boolean.class)
                .single();
    }

    void add(PlaybookId id, PlaybookDefinition definition, String by, Instant now) {
        jdbc.sql("insert into playbook (id, playbook_key, template_key, definition, retired, updated_at, updated_by, "
                        + "version) values (?, ?, ?, ?::jsonb, false, ?, ?, 0)")
                .params(
                        id.value(),
                        definition.key(),
                        definition.template(),
                        json.writeValueAsString(definition),
                        Timestamp.from(now),
                        by)
                .update();
    }

    boolean revise(PlaybookId id, PlaybookDefinition definition, long expectedVersion, String by, Instant now) {
        return jdbc.sql("update playbook set definition = ?::jsonb, template_key = ?, updated_at = ?, updated_by = ?, "
                                + "version = version + 1 where id = ? and version = ?")
                        .params(
                                json.writeValueAsString(definition),
                                definition.template(),
                                Timestamp.from(now),
                                by,
                                id.value(),
                                expectedVersion)
                        .update()
                == 1;
    }

    boolean retire(PlaybookId id, boolean retired, long expectedVersion, String by, Instant now) {
        return jdbc.sql("update playbook set retired = ?, updated_at = ?, updated_by = ?, version = version + 1 "
                                + "where id = ? and version = ?")
                        .params(retired, Timestamp.from(now), by, id.value(), expectedVersion)
                        .update()
                == 1;
    }

    static String document(PlaybookDefinition definition) {
        return json.writeValueAsString(definition);
    }

    private static Playbook playbook(ResultSet row) throws SQLException {
        return new Playbook(
                new PlaybookId(row.getObject("id", UUID.class)),
                json.readValue(row.getString("doc"), PlaybookDefinition.class),
                row.getBoolean("retired"),
                row.getTimestamp("updated_at").toInstant(),
                row.getString("updated_by"),
                row.getLong("version"));
    }
}
