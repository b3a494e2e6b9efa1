package io.cairn.intake;

import io.cairn.incidents.IncidentId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stored reports: which template (and version) a report used, and the answers as asked. */
@Component
class IntakeReports {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    IntakeReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(
            IncidentId incident,
            @Nullable UUID template,
            @Nullable Integer templateVersion,
            String language,
            String channel,
            List<AnswerAsked> answers,
            Instant at) {
        jdbc.sql("""
                insert into intake_report (id, incident_id, template_id, template_version, language, channel,
                  answers, created_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(
                        UUID.randomUUID(),
                        incident.value(),
                        template,
                        templateVersion,
                        language,
                        channel,
                        json.writeValueAsString(answers),
                        Timestamp.from(at))
                .update();
    }

    /** The language the report that opened the incident was made in. */
    Optional<String> language(IncidentId incident) {
        return jdbc.sql("select language from intake_report where incident_id = ?")
                .param(incident.value())
                .query(String.class)
                .optional();
    }

    Optional<List<AnswerAsked>> answers(IncidentId incident) {
        return jdbc.sql("select answers::text from intake_report where incident_id = ?")
                .param(incident.value())
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, new TypeReference<List<AnswerAsked>>() {}));
    }
}
