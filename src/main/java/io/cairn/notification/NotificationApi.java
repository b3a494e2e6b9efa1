package io.cairn.notification;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The outbox as admins see it: dead letters, one notification with its delivery log, and retrying a dead letter. */
@RestController
class NotificationApi {

    private final NotificationManagement notifications;

    NotificationApi(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/notifications/dead-letters")
    List<NotificationView> deadLetters() {
        return notifications.deadLetters().orRefuse();
    }

    @GetMapping("/api/v1/notifications/{id}")
    NotificationView notification(@PathVariable NotificationId id) {
        return notifications.notification(id).orRefuse();
    }

    @PostMapping("/api/v1/notifications/{id}/retry")
    NotificationView retry(@PathVariable NotificationId id) {
        return notifications.retry(id).orRefuse();
    }
}
