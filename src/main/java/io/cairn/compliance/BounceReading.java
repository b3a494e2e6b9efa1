package io.cairn.compliance;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a mail that came back to the sender of the notices: whether it says a mail was not delivered, which mails (by
 * their Message-IDs) and why. A delivery status notification (RFC 3464, and its international form of RFC 6533) is a
 * bounce when a recipient's action is {@code failed} (a {@code delayed} one is not yet), naming the returned mail by
 * the headers it carries. A mail from a mailer daemon or postmaster without that form (an older server's) is a bounce
 * when it quotes the returned mail's Message-ID. Anything else, such as an out-of-office reply, is none.
 */
final class BounceReading {

    /** What a bounce says: the Message-IDs of the mails returned, and the reason, as the mail server gave it. */
    record Bounce(Set<String> messageIds, String reason) {

        Bounce {
            messageIds = Set.copyOf(messageIds);
        }
    }

    /** The most bytes of a mail read when looking for the Message-ID in the text of one without a report. */
    static final int MOST_READ = 1 << 20;

    private static final Pattern MESSAGE_ID =
            Pattern.compile("(?im)^\\s*>?\\s*Message-ID:\\s*(<[^<>\\s@]+@[^<>\\s]+>)");
    private static final Pattern DAEMON = Pattern.compile("(?i)(mailer-daemon|postmaster|mail delivery)");

    private BounceReading() {}

    /** The bounce the mail is; none when it is no bounce. */
    static Optional<Bounce> read(MimeMessage mail) throws MessagingException, IOException {
        if (mail.isMimeType("multipart/report") && mail.getContent() instanceof Multipart report) {
            return report(report);
        }
        if (!fromMailerDaemon(mail)) {
            return Optional.empty();
        }
        Set<String> ids = ids(text(mail));
        String subject = mail.getSubject();
        return ids.isEmpty()
                ? Optional.empty()
                : Optional.of(new Bounce(ids, subject == null || subject.isBlank() ? "returned" : subject.strip()));
    }

    private static Optional<Bounce> report(Multipart report) throws MessagingException, IOException {
        List<InternetHeaders> failed = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int index = 0; index < report.getCount(); index++) {
            BodyPart part = report.getBodyPart(index);
            if (part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status")) {
                failed.addAll(failedRecipients(read(part)));
            } else if (part.isMimeType("message/rfc822")
                    || part.isMimeType("message/global")
                    || part.isMimeType("text/rfc822-headers")
                    || part.isMimeType("message/global-headers")) {
                ids.addAll(ids(read(part)));
            }
        }
        if (failed.isEmpty() || ids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Bounce(ids, reason(failed.get(0))));
    }

    /** The per-recipient groups of a delivery status whose action is {@code failed}. */
    static List<InternetHeaders> failedRecipients(String status) throws MessagingException {
        List<InternetHeaders> failed = new ArrayList<>();
        String[] groups = status.replace("\r\n", "\n").split("\n\\s*\n");
        for (int group = 1; group < groups.length; group++) {
            InternetHeaders fields = new InternetHeaders(new java.io.ByteArrayInputStream(
                    (groups[group].strip() + "\n\n").getBytes(StandardCharsets.UTF_8)));
            String action = fields.getHeader("Action", null);
            if (action != null && action.strip().toLowerCase(Locale.ROOT).startsWith("failed")) {
                failed.add(fields);
            }
        }
        return failed;
    }

    private static String reason(InternetHeaders recipient) {
        String status = recipient.getHeader("Status", null);
        String diagnostic = recipient.getHeader("Diagnostic-Code", null);
        String said = ((status == null ? "" : status.strip()) + " " + (diagnostic == null ? "" : diagnostic.strip()))
                .replaceAll("\\s+", " ")
                .strip();
        return said.isEmpty() ? "failed" : said;
    }

    /** The Message-IDs named by a {@code Message-ID:} line of the text (of returned headers, or of a whole mail). */
    static Set<String> ids(String text) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher found = MESSAGE_ID.matcher(text);
        while (found.find()) {
            ids.add(found.group(1));
        }
        return ids;
    }

    private static boolean fromMailerDaemon(MimeMessage mail) throws MessagingException {
        String[] from = mail.getHeader("From");
        return from != null && from.length > 0 && DAEMON.matcher(from[0]).find();
    }

    private static String read(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MOST_READ), StandardCharsets.UTF_8);
        }
    }

    private static String text(MimeMessage mail) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.writeTo(out);
        byte[] raw = out.toByteArray();
        return new String(raw, 0, Math.min(raw.length, MOST_READ), StandardCharsets.UTF_8);
    }
}
