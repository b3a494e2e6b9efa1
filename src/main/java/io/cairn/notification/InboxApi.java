package io.cairn.notification;

import io.swagger.v3.oas.annotations.Operation;
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
class InboxApi {

    private final NotificationManagement notifications;

    InboxApi(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "List the signed-in user's in-app messages, newest first, in the language asked for "
            + "(en or nl; by default the user's own)")
    @GetMapping("/api/v1/notifications")
    List<InboxMessage> messages(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable String language) {
        return notifications.myMessages(unread, language);
    }

    @Operation(summary = "Count the signed-in user's unread in-app messages")
    @GetMapping("/api/v1/notifications/unread-count")
    Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.myUnreadCount());
    }

    @Operation(summary = "Mark one of the signed-in user's in-app messages read")
    @PostMapping("/api/v1/notifications/messages/{id}/read")
    Map<String, Object> markRead(@PathVariable UUID id) {
        return Map.of("id", notifications.markRead(id).orRefuse(), "read", true);
    }

    @Operation(summary = "Mark all of the signed-in user's in-app messages read")
    @PostMapping("/api/v1/notifications/read-all")
    Map<String, Integer> markAllRead() {
        return Map.of("marked", notifications.markAllRead());
    }
}
