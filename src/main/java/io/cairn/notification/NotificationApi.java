package io.cairn.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The outbox as admins see it: dead letters, one notification with its delivery log, and retrying a dead letter. */
@RestController
@Tag(
        name = "Notifications",
        description = "The outbox as admins see it: notifications with their delivery logs, the dead letters, and "
                + "retrying one.")
class NotificationApi {

    private final NotificationManagement notifications;

    NotificationApi(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @Operation(
            operationId = "listDeadLetters",
            summary = "List the dead letters",
            description = "Admins: notifications whose delivery gave up.")
    @GetMapping("/api/v1/notifications/dead-letters")
    List<NotificationView> deadLetters() {
        return notifications.deadLetters().orRefuse();
    }

    @Operation(
            operationId = "getNotification",
            summary = "Read a notification with its delivery log",
            description = "Admins.")
    @GetMapping("/api/v1/notifications/{id}")
    NotificationView notification(@PathVariable NotificationId id) {
        return notifications.notification(id).orRefuse();
    }

    @Operation(operationId = "retryNotification", summary = "Retry a dead letter", description = "Admins.")
    @ApiResponse(responseCode = "200", description = "The notification, queued again")
    @ApiResponse(responseCode = "409", description = "Only a dead letter can be retried.")
    @PostMapping("/api/v1/notifications/{id}/retry")
    NotificationView retry(@PathVariable NotificationId id) {
        return notifications.retry(id).orRefuse();
    }
}
