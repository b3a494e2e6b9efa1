package io.cairn.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends notifications as plain-text mail through Spring Mail ({@code spring.mail.*}) from {@code cairn.mail.from}.
 * Each mail says it was sent automatically (RFC 3834), so that auto-responders do not answer it.
 */
@Component
class MailChannel implements Channel {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    MailChannel(ObjectProvider<JavaMailSender> sender, @Value("${cairn.mail.from:cairn@localhost}") String from) {
        this.sender = sender;
        this.from = from.trim();
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public boolean isConfigured() {
        return sender.getIfAvailable() != null;
    }

    @Override
    public void deliver(OutgoingMessage message) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new IllegalStateException("mail is not configured: set spring.mail.host");
        }
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.recipient());
            helper.setSubject(message.subject());
            helper.setText(message.body(), false);
            mime.setHeader("Message-ID", "<" + message.id() + "@" + domain(from) + ">");
            String inReplyTo = messageId(message.inReplyTo());
            mime.setHeader("Auto-Submitted", inReplyTo == null ? "auto-generated" : "auto-replied");
            if (inReplyTo != null) {
                mime.setHeader("In-Reply-To", inReplyTo);
                mime.setHeader("References", inReplyTo);
            }
        } catch (MessagingException e) {
            throw new MailPreparationException(
                    "the mail to " + message.recipient() + " could not be made: " + e.getMessage(), e);
        }
        mail.send(mime);
    }

    /** A Message-ID as it came from another mail, only when it has the one safe shape: no line breaks, no spaces. */
    private static @Nullable String messageId(@Nullable String candidate) {
        return candidate != null && candidate.matches("<[^<>\\s]{1,250}>") ? candidate : null;
    }

    private static String domain(String address) {
        String domain = address.substring(address.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return domain.isEmpty() ? "cairn.invalid" : domain;
    }
}
