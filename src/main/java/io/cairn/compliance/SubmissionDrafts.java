package io.cairn.compliance;

import io.cairn.identity.Actor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored drafts of stages' reports: one per stage, replaced as a whole at each version. */
@Component
class SubmissionDrafts {

    /** A stored draft: its fields in order, its version, and who changed it last. */
    record Stored(Map<String, String> fields, long version, String updatedByName, Instant updatedAt) {

        Stored {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    SubmissionDrafts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(UUID obligation, String stage) {
        return jdbc.sql("select fields::text as fields, version, updated_by_name, updated_at "
                        + "from compliance_submission_draft where obligation_id = ? and stage = ?")
                .params(obligation, stage)
                .query((row, n) -> new Stored(
                        json.readValue(row.getString("fields"), FIELDS),
                        row.getLong("version"),
                        row.getString("updated_by_name"),
                        row.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /**
     * Stores the fields as the version after {@code version} (0: the first); false when someone stored another version
     * since.
     */
    boolean save(UUID obligation, String stage, Map<String, String> fields, long version, Actor actor, Instant now) {
        String text = json.writeValueAsString(fields);
        if (version == 0) {
            return jdbc.sql("insert into compliance_submission_draft (obligation_id, stage, fields, version, "
                                    + "updated_by, updated_by_name, updated_at) values (?, ?, ?::jsonb, 1, ?, ?, ?) "
                                    + "on conflict (obligation_id, stage) do nothing")
                            .params(
                                    obligation,
                                    stage,
                                    text,
                                    actor.id().value(),
                                    actor.displayName(),
                                    Timestamp.from(now))
                            .update()
                    == 1;
        }
        return jdbc.sql("update compliance_submission_draft set fields = ?::jsonb, version = version + 1, "
                                + "updated_by = ?, updated_by_name = ?, updated_at = ? "
                                + "where obligation_id = ? and stage = ? and version = ?")
                        .params(
                                text,
                                actor.id().value(),
                                actor.displayName(),
                                Timestamp.from(now),
                                obligation,
                                stage,
                                version)
                        .update()
                == 1;
    }
}
