package io.cairn.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's in-app inbox: SLA warnings, breaches and escalations, questions from the handlers and answers
 * from reporters.
 */
@RestController
@Tag(
        name = "Inbox",
        description = "The signed-in user's in-app messages: SLA warnings, breaches and escalations sent to them, "
                + "questions from the handlers and answers from reporters.")
class InboxApi {

    private final NotificationManagement notifications;

    InboxApi(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @Operation(
            operationId = "listMessages",
            summary = "List your in-app messages",
            description = "Newest first, in the language asked for (en or nl; by default your own).")
    @GetMapping("/api/v1/notifications")
    List<InboxMessage> messages(
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable String language) {
        return notifications.myMessages(unread, language);
    }

    @Operation(operationId = "countUnreadMessages", summary = "Count your unread in-app messages")
    @GetMapping("/api/v1/notifications/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.myUnreadCount());
    }

    @Operation(operationId = "markMessageRead", summary = "Mark one of your in-app messages read")
    @PostMapping("/api/v1/notifications/messages/{id}/read")
    Map<String, Object> markRead(@PathVariable UUID id) {
        return Map.of("id", notifications.markRead(id).orRefuse(), "read", true);
    }

    @Operation(operationId = "markAllMessagesRead", summary = "Mark all your in-app messages read")
    @PostMapping("/api/v1/notifications/read-all")
    Map<String, Integer> markAllRead() {
        return Map.of("marked", notifications.markAllRead());
    }
}
