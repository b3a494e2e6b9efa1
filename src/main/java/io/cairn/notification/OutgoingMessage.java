package io.cairn.notification;

import org.jspecify.annotations.Nullable;

/**
 * A rendered notification on its way to a channel.
 *
 * @param id the notification's id; a mail carries it in its Message-ID so that receivers can drop a second copy
 * @param recipient where it goes: an e-mail address for mail
 * @param subject the subject line
 * @param body the text
 * @param inReplyTo the Message-ID of the mail this one answers, so that it shows in the same thread
 */
record OutgoingMessage(
        NotificationId id,
        String recipient,
        String subject,
        String body,
        @Nullable String inReplyTo) {}
