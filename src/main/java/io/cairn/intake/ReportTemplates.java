package io.cairn.intake;

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

/** Stored report templates and every version of their content. */
@Component
class ReportTemplates {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String SELECT = """
            select t.id, t.template_key, t.position, t.retired, t.current_version, t.version, v.document::text as doc
            from report_template t
            join report_template_version v on v.template_id = t.id and v.version = t.current_version""";

    private final JdbcClient jdbc;

    ReportTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A template with the id it is stored under. */
    record Stored(UUID id, ReportTemplate template) {}

    List<Stored> all() {
        return jdbc.sql(SELECT + " order by t.position, t.template_key")
                .query((row, n) -> stored(row))
                .list();
    }

    Optional<Stored> byKey(String key) {
        return jdbc.sql(SELECT + " where t.template_key = ?")
                .param(key)
                .query((row, n) -> stored(row))
                .optional();
    }

    boolean exists(String key) {
        return jdbc.sql("select count(*) from report_template where template_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void add(String key, TemplateContent content, String by, Instant now) {
        UUID id = UUID.randomUUID();
        int position = jdbc.sql("select coalesce(max(position), 0) + 1 from report_template")
                .query(Integer.class)
                .single();
        jdbc.sql("insert into report_template (id, template_key, position, retired, current_version, updated_at, "
                        + "version) values (?, ?, ?, false, 1, ?, 0)")
                .params(id, key, position, Timestamp.from(now))
                .update();
        addVersion(id, 1, content, by, now);
    }

    /** Stores a new version of the content if the row is still at the expected version; false if not. */
    boolean revise(Stored stored, TemplateContent content, long expectedVersion, String by, Instant now) {
        int next = stored.template().revision() + 1;
        int updated = jdbc.sql("update report_template set current_version = ?, updated_at = ?, version = version + 1 "
                        + "where id = ? and version = ?")
                .params(next, Timestamp.from(now), stored.id(), expectedVersion)
                .update();
        if (updated == 1) {
            addVersion(stored.id(), next, content, by, now);
        }
        return updated == 1;
    }

    boolean retire(Stored stored, boolean retired, long expectedVersion, Instant now) {
        return jdbc.sql("update report_template set retired = ?, updated_at = ?, version = version + 1 "
                                + "where id = ? and version = ?")
                        .params(retired, Timestamp.from(now), stored.id(), expectedVersion)
                        .update()
                == 1;
    }

    void place(String key, int position, Instant now) {
        jdbc.sql("update report_template set position = ?, updated_at = ?, version = version + 1 "
                        + "where template_key = ?")
                .params(position, Timestamp.from(now), key)
                .update();
    }

    Optional<TemplateContent> revision(UUID template, int version) {
        return jdbc.sql("select document::text from report_template_version where template_id = ? and version = ?")
                .params(template, version)
                .query(String.class)
                .optional()
                .map(doc -> json.readValue(doc, TemplateContent.class));
    }

    private void addVersion(UUID template, int version, TemplateContent content, String by, Instant now) {
        jdbc.sql("insert into report_template_version (template_id, version, document, created_at, created_by) "
                        + "values (?, ?, ?::jsonb, ?, ?)")
                .params(template, version, json.writeValueAsString(content), Timestamp.from(now), by)
                .update();
    }

    private static Stored stored(ResultSet row) throws SQLException {
        return new Stored(
                row.getObject("id", UUID.class),
                new ReportTemplate(
                        row.getString("template_key"),
                        row.getInt("position"),
                        row.getBoolean("retired"),
                        row.getInt("current_version"),
                        json.readValue(row.getString("doc"), TemplateContent.class),
                        row.getLong("version")));
    }
}
