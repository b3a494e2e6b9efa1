package io.cairn.intake;

import io.cairn.shared.ContentDigest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads a mail into what a report needs: sender, subject, the text of the body (HTML-only mail converted to text,
 * with each link's real target shown), and the attachments, each kept up to the size limit.
 */
@Component
class MailReader {

    /** Longer Message-IDs are kept as a digest, so that a hostile header cannot break the index. */
    private static final int MAX_KEY_LENGTH = 300;

    private final long maxAttachmentSize;
    private final String defaultLanguage;
    private final String ownAddress;

    MailReader(
            @Value("${cairn.intake.max-attachment-size:25MB}") DataSize maxAttachmentSize,
            MailIntakeSettings settings,
            @Value("${cairn.mail.from:}") String ownAddress) {
        this.maxAttachmentSize = maxAttachmentSize.toBytes();
        this.defaultLanguage = settings.language();
        this.ownAddress = ownAddress.trim();
    }

    /** The largest attachment that is kept, in bytes. */
    long maxAttachmentSize() {
        return maxAttachmentSize;
    }

    /** What identifies the mail: its Message-ID, or the SHA-256 digest of the raw message when it has none. */
    static String key(Message message) throws MessagingException, IOException {
        String messageId = messageId(message);
        if (messageId != null) {
            return messageId.length() <= MAX_KEY_LENGTH
                    ? messageId
                    : "message-id-sha256:" + ContentDigest.of(messageId);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return "sha256:" + ContentDigest.of(raw.toByteArray());
    }

    /** The Message-ID, unless there is none or it holds control characters (then the mail's digest stands in). */
    private static @Nullable String messageId(Message message) throws MessagingException {
        String[] ids = message.getHeader("Message-ID");
        if (ids == null || ids.length == 0 || ids[0].isBlank() || ids[0].chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        return ids[0].trim();
    }

    ReceivedMail read(Message message, String key) throws MessagingException, IOException {
        InternetAddress from = sender(message);
        Body body = new Body();
        walk(message, body);
        String text = body.text.length() > 0
                ? body.text.toString()
                : body.html.length() > 0 ? htmlToText(body.html.toString()) : "";
        String sender = from == null ? "" : printable(from.getAddress()).trim();
        return new ReceivedMail(
                key,
                messageId(message),
                sender,
                from == null || from.getPersonal() == null ? null : printable(from.getPersonal()),
                message.getSubject() == null
                        ? ""
                        : printable(message.getSubject()).strip(),
                normalise(printable(text)),
                language(message),
                automatic(message, sender),
                body.attachments,
                body.oversized,
                MailLinks.of(body.links));
    }

    /** The text without control characters but tabs and line breaks: PostgreSQL refuses NUL in text. */
    private static String printable(String text) {
        return text.replaceAll("[\\p{Cntrl}&&[^\\n\\r\\t]]", "");
    }

    private static @Nullable InternetAddress sender(Message message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException malformed) {
            return null;
        }
        if (from == null) {
            return null;
        }
        for (Address address : from) {
            if (address instanceof InternetAddress internet
                    && internet.getAddress() != null
                    && internet.getAddress().contains("@")) {
                return internet;
            }
        }
        return null;
    }

    /** Collects the body's text and the attachments, in the order they come. */
    private static final class Body {
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<ReceivedMail.Attachment> attachments = new ArrayList<>();
        final List<String> oversized = new ArrayList<>();
        final java.util.Set<String> links = MailLinks.collector();
    }

    private void walk(Part part, Body body) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), body);
            }
            return;
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attached && part.isMimeType("text/plain")) {
            String text = text(part);
            append(body.text, text);
            MailLinks.fromText(text, body.links);
        } else if (!attached && part.isMimeType("text/html")) {
            String html = text(part);
            append(body.html, html);
            MailLinks.fromHtml(html, body.links);
        } else {
            keep(part, body);
        }
    }

    private static void append(StringBuilder into, String text) {
        if (into.length() > 0 && !text.isBlank()) {
            into.append("\n\n");
        }
        into.append(text);
    }

    private void keep(Part part, Body body) throws MessagingException, IOException {
        String filename = filename(part, body.attachments.size() + body.oversized.size() + 1);
        byte[] content = part.isMimeType("message/rfc822") && part.getContent() instanceof Message forwarded
                ? whole(forwarded)
                : bytes(part);
        if (part.isMimeType("message/rfc822") && part.getContent() instanceof Message forwarded) {
            // a reported phishing mail often comes attached: its links are what the report is about
            Body inner = new Body();
            walk(forwarded, inner);
            inner.links.forEach(link -> {
                if (body.links.size() < MailLinks.MAX) {
                    body.links.add(link);
                }
            });
        }
        if (content.length > maxAttachmentSize) {
            body.oversized.add(filename);
        } else {
            body.attachments.add(new ReceivedMail.Attachment(filename, declaredType(part), content));
        }
    }

    /** The part's content, read up to one byte past the limit. */
    private byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxAttachmentSize + 1));
        }
    }

    /** A forwarded mail as a whole, headers included, written up to one byte past the limit. */
    private byte[] whole(Message forwarded) throws MessagingException, IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            forwarded.writeTo(new java.io.FilterOutputStream(buffer) {
                @Override
                public void write(int b) throws IOException {
                    if (buffer.size() > maxAttachmentSize) {
                        throw new LimitReached();
                    }
                    buffer.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    if (buffer.size() + length > maxAttachmentSize + 1) {
                        buffer.write(bytes, offset, (int) Math.max(0, maxAttachmentSize + 1 - buffer.size()));
                        throw new LimitReached();
                    }
                    buffer.write(bytes, offset, length);
                }
            });
        } catch (LimitReached enough) {
            // the size is known to be above the limit: the rest is not needed
        }
        return buffer.toByteArray();
    }

    private static final class LimitReached extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (IOException unknownCharset) {
            // an unknown or broken charset: read the bytes as UTF-8 below rather than lose the text
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String filename(Part part, int position) throws MessagingException {
        String name = part.getFileName();
        if (name != null) {
            try {
                name = MimeUtility.decodeText(name);
            } catch (java.io.UnsupportedEncodingException e) {
                // keep the name as it was sent
            }
            name = name.replaceAll("[\\p{Cntrl}]", "")
                    .replaceAll(".*[/\\\\]", "")
                    .strip();
        }
        if (name == null || name.isEmpty()) {
            name = part.isMimeType("message/rfc822")
                    ? "forwarded-message-" + position + ".eml"
                    : "attachment-" + position;
        }
        return name.length() <= 255 ? name : name.substring(0, 255);
    }

    private static @Nullable String declaredType(Part part) {
        try {
            String type = part.getContentType();
            return type == null ? null : new ContentType(type).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException malformed) {
            return null;
        }
    }

    /** Text from HTML: block elements on lines of their own, and each link followed by where it really goes. */
    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, title").remove();
        for (Element link : document.select("a[href]")) {
            String target = link.attr("href").strip();
            if (!target.isEmpty() && !target.equals(link.text().strip()) && !target.startsWith("#")) {
                link.appendText(" <" + target + ">");
            }
        }
        document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre, table, ul, ol")
                .before("\n")
                .after("\n");
        document.select("li").prepend("- ");
        return document.body() == null ? "" : document.body().wholeText();
    }

    /** Trims each line, and keeps at most one empty line in a row. */
    private static String normalise(String text) {
        String[] lines = text.replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u00a0', ' ')
                .split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean blank = false;
        for (String line : lines) {
            String trimmed = line.replaceAll("[ \\t]+", " ").strip();
            if (trimmed.isEmpty()) {
                blank = out.length() > 0;
                continue;
            }
            if (blank) {
                out.append('\n');
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(trimmed);
            blank = false;
        }
        return out.toString();
    }

    private String language(Message message) throws MessagingException {
        String[] language = message.getHeader("Content-Language");
        if (language != null && language.length > 0) {
            return language[0].strip().toLowerCase(Locale.ROOT).startsWith("nl") ? "nl" : "en";
        }
        return defaultLanguage;
    }

    /** RFC 3834: auto-replies, bounces and list mail must not be answered automatically. */
    private boolean automatic(Message message, String sender) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        String precedence = header(message, "Precedence");
        String suppress = header(message, "X-Auto-Response-Suppress");
        return autoSubmitted != null && !autoSubmitted.equals("no")
                || precedence != null
                        && (precedence.equals("bulk") || precedence.equals("junk") || precedence.equals("list"))
                || suppress != null && (suppress.contains("all") || suppress.contains("autoreply"))
                || sender.isEmpty()
                || sender.equalsIgnoreCase(ownAddress)
                || sender.toLowerCase(Locale.ROOT).startsWith("mailer-daemon@");
    }

    private static @Nullable String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? null : values[0].strip().toLowerCase(Locale.ROOT);
    }
}
