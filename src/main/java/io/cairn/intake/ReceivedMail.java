package io.cairn.intake;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A mail as e-mail intake read it from the mailbox.
 *
 * @param key what identifies the mail for de-duplication: its Message-ID, or a digest of the raw message
 * @param messageId its Message-ID, when it has one
 * @param sender the sender's address; empty when the mail names none
 * @param senderName the sender's name as the mail gives it
 * @param subject the subject; empty when it has none
 * @param text the text of the body (HTML converted to text); empty when it has none
 * @param language {@code en} or {@code nl}, from the mail's {@code Content-Language} or the configured default
 * @param automatic true for mail that a machine sent on its own (auto-replies, bounces, lists): it is reported,
 *     but never answered, so that two robots do not answer each other forever
 * @param attachments the files small enough to keep
 * @param oversized the names of the files that were too large to keep
 * @param links the web links in its text, its HTML and a forwarded mail attached to it, each once, at most 50
 */
record ReceivedMail(
        String key,
        @Nullable String messageId,
        String sender,
        @Nullable String senderName,
        String subject,
        String text,
        String language,
        boolean automatic,
        List<Attachment> attachments,
        List<String> oversized,
        List<String> links) {

    ReceivedMail {
        attachments = List.copyOf(attachments);
        oversized = List.copyOf(oversized);
        links = List.copyOf(links);
    }

    /** A mail without links. */
    ReceivedMail(
            String key,
            @Nullable String messageId,
            String sender,
            @Nullable String senderName,
            String subject,
            String text,
            String language,
            boolean automatic,
            List<Attachment> attachments,
            List<String> oversized) {
        this(key, messageId, sender, senderName, subject, text, language, automatic, attachments, oversized, List.of());
    }

    /** A file that came with the mail. */
    record Attachment(String filename, @Nullable String declaredType, byte[] content) {}
}
