package io.cairn.notification;

import io.cairn.shared.Refusal;

/** The reasons for which the notification module refuses a command. */
enum NotificationRefusals implements Refusal.Reason {
    NOT_A_DEAD_LETTER("notification.not-a-dead-letter", "only a dead letter can be retried; this notification is {0}");

    private final String code;
    private final String template;

    NotificationRefusals(String code, String template) {
        this.code = code;
        this.template = template;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }
}
