package io.cairn.notification;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message in a user's in-app inbox, in the reader's language.
 *
 * @param link where the message leads, such as the incident's page
 * @param readAt when the user marked it read; empty while unread
 */
public record InboxMessage(
        UUID id,
        String subject,
        String body,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
