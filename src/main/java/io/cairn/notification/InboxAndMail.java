package io.cairn.notification;

import io.cairn.identity.UserView;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells people something in the transaction of the event that causes it: a message in their in-app inbox and, when
 * mail is configured and they have an address, a mail through the outbox in their language. A key names the cause,
 * so that the same cause never tells a person twice.
 */
@Component
class InboxAndMail {

    private final Inbox inbox;
    private final Outbox outbox;
    private final MailChannel mail;
    private final String baseUrl;

    InboxAndMail(
            Inbox inbox,
            Outbox outbox,
            MailChannel mail,
            @Value("${cairn.base-url:http://localhost:8080}") String baseUrl) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.mail = mail;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The address of a page of Cairn, as a mail gives it. */
    String link(String path) {
        return baseUrl + path;
    }

    /**
     * Tells each enabled person; the message leads to the page at {@code path}, which the template finds as
     * {@code link}. A person whose language is not known is written to in {@code fallbackLanguage}.
     */
    void tell(
            Collection<UserView> people,
            String key,
            String template,
            Map<String, Object> parameters,
            String path,
            String fallbackLanguage,
            Instant now) {
        Map<String, Object> linked = new HashMap<>(parameters);
        linked.put("link", link(path));
        for (UserView person : people) {
            if (!person.enabled()) {
                continue;
            }
            inbox.deliver(person.id(), key, template, linked, path, now);
            if (person.email() != null && !person.email().isBlank()) {
                mail(
                        person.email(),
                        key + ":" + person.id(),
                        template,
                        person.language() == null ? fallbackLanguage : person.language(),
                        linked,
                        now);
            }
        }
    }

    /** Mails an address through the outbox, when mail is configured. */
    void mail(
            String address, String key, String template, String language, Map<String, Object> parameters, Instant now) {
        if (mail.isConfigured()) {
            outbox.enqueue(new Outbox.Queued(key, mail.name(), address, template, language, parameters, Map.of()), now);
        }
    }
}
