package io.cairn.notification;

import io.cairn.identity.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-app inboxes: one message per user and cause, stored as a template and its parameters and rendered in the
 * reader's language when read.
 */
@Component
class Inbox {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final MessageTemplates templates;

    Inbox(JdbcClient jdbc, MessageTemplates templates) {
        this.jdbc = jdbc;
        this.templates = templates;
    }

    /** Puts a message in the user's inbox; false when one with the same key is already there. */
    boolean deliver(
            UserId recipient,
            String dedupKey,
            String template,
            Map<String, Object> parameters,
            @Nullable String link,
            Instant now) {
        return jdbc.sql("""
                insert into notification_inbox (id, recipient_id, dedup_key, template, parameters, link, created_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (recipient_id, dedup_key) do nothing""")
                        .params(
                                UUID.randomUUID(),
                                recipient.value(),
                                dedupKey,
                                template,
                                json.writeValueAsString(parameters),
                                link,
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    /** The user's most recent messages, newest first, rendered in the language. */
    List<InboxMessage> of(UserId recipient, boolean unreadOnly, int limit, String language) {
        return jdbc.sql("select id, template, parameters::text as parameters, link, created_at, read_at "
                        + "from notification_inbox where recipient_id = ?" + (unreadOnly ? " and read_at is null" : "")
                        + " order by created_at desc, id limit ?")
                .params(recipient.value(), limit)
                .query((row, n) -> {
                    MessageTemplates.Rendered text = templates.render(
                            row.getString("template"),
                            language,
                            json.readValue(row.getString("parameters"), PARAMETERS));
                    Timestamp read = row.getTimestamp("read_at");
                    return new InboxMessage(
                            row.getObject("id", UUID.class),
                            text.subject(),
                            text.body(),
                            row.getString("link"),
                            row.getTimestamp("created_at").toInstant(),
                            read == null ? null : read.toInstant());
                })
                .list();
    }

    long unread(UserId recipient) {
        return jdbc.sql("select count(*) from notification_inbox where recipient_id = ? and read_at is null")
                .param(recipient.value())
                .query(Long.class)
                .single();
    }

    /**
     * Marks one of the user's messages read; answers when it was read (now, or earlier when it was read already), and
     * is empty when the user has no such message.
     */
    Optional<Instant> markRead(UserId recipient, UUID message, Instant now) {
        return jdbc.sql("update notification_inbox set read_at = coalesce(read_at, ?) "
                        + "where id = ? and recipient_id = ? returning read_at")
                .params(Timestamp.from(now), message, recipient.value())
                .query((row, n) -> row.getTimestamp("read_at").toInstant())
                .optional();
    }

    int markAllRead(UserId recipient, Instant now) {
        return jdbc.sql("update notification_inbox set read_at = ? where recipient_id = ? and read_at is null")
                .params(Timestamp.from(now), recipient.value())
                .update();
    }
}
