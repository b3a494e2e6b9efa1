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

/** The stored texts of notices, per language: one row per stage, replaced as a whole at each version. */
@Component
class NoticeTexts {

    /** A stored text: the fields of each language, its version, and who saved it last. */
    record Stored(Map<String, Map<String, String>> texts, long version, String updatedByName, Instant updatedAt) {}

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, String>>> TEXTS =
            new TypeReference<>() {};

    private final JdbcClient jdbc;

    NoticeTexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(UUID obligation, String stage) {
        return jdbc.sql("select texts::text as texts, version, updated_by_name, updated_at "
                        + "from compliance_notice_text where obligation_id = ? and stage = ?")
                .params(obligation, stage)
                .query((row, n) -> new Stored(
                        Map.copyOf(json.readValue(row.getString("texts"), TEXTS)),
                        row.getLong("version"),
                        row.getString("updated_by_name"),
                        row.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /** Stores the texts as the version after {@code version} (0: the first); false when another was stored since. */
    boolean save(
            UUID obligation,
            String stage,
            Map<String, Map<String, String>> texts,
            long version,
            Actor actor,
            Instant now) {
        String text = json.writeValueAsString(texts);
        if (version == 0) {
            return jdbc.sql("insert into compliance_notice_text (obligation_id, stage, texts, version, updated_by, "
                                    + "updated_by_name, updated_at) values (?, ?, ?::jsonb, 1, ?, ?, ?) "
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
        return jdbc.sql("update compliance_notice_text set texts = ?::jsonb, version = version + 1, updated_by = ?, "
                                + "updated_by_name = ?, updated_at = ? where obligation_id = ? and stage = ? "
                                + "and version = ?")
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

    /** When sending started and the SHA-256 of the text it froze. */
    record Frozen(String sha256, Instant at) {}

    /** When sending started and the SHA-256 of the text it froze; none while it did not start. */
    Optional<Frozen> frozenAt(UUID obligation, String stage) {
        return jdbc.sql("select text_sha256, frozen_at from compliance_notice where obligation_id = ? and stage = ? "
                        + "and text_sha256 is not null")
                .params(obligation, stage)
                .query((row, n) -> new Frozen(
                        row.getString("text_sha256"),
                        row.getTimestamp("frozen_at").toInstant()))
                .optional();
    }

    /** The SHA-256 of the text the notice was sent as; none while it was not sent. */
    Optional<String> frozen(UUID obligation, String stage) {
        return jdbc.sql("select text_sha256 from compliance_notice where obligation_id = ? and stage = ? "
                        + "and text_sha256 is not null")
                .params(obligation, stage)
                .query(String.class)
                .optional();
    }
}
