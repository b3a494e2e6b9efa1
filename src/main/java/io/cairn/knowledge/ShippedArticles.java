package io.cairn.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The starter articles Cairn ships: written at start-up when no article has their address yet, so that a fresh
 * instance has useful self-help and handler guidance, and an article someone edited or removed is never overwritten.
 */
@Component
class ShippedArticles {

    /** One shipped article; its body is the Markdown resource {@code knowledge/{slug}.md}. */
    record Shipped(String slug, String title, Audience audience, List<String> categories, List<String> tags) {}

    static final List<Shipped> ARTICLES = List.of(
            new Shipped("recognising-phishing-mail", "How to recognise a phishing mail", Audience.REPORTERS,
                    List.of("fraud/phishing", "information-gathering/social-engineering"),
                    List.of("phishing", "mail", "self-help")),
            new Shipped("lost-or-stolen-device", "Lost or stolen laptop or phone: what to do", Audience.REPORTERS,
                    List.of("information-content-security/data-loss", "intrusions/burglary"),
                    List.of("device", "laptop", "self-help")),
            new Shipped("collecting-mail-headers", "Collecting mail headers", Audience.HANDLERS,
                    List.of("fraud/phishing", "abusive-content/spam"), List.of("phishing", "mail", "forensics")),
            new Shipped("containing-a-compromised-account", "Containing a compromised account", Audience.HANDLERS,
                    List.of("intrusions/unprivileged-account-compromise",
                            "intrusions/privileged-account-compromise"),
                    List.of("account", "containment", "mfa")));

    private final KnowledgeManagement knowledge;

    ShippedArticles(KnowledgeManagement knowledge) {
        this.knowledge = knowledge;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ship() {
        for (Shipped article : ARTICLES) {
            try {
                knowledge.ship(new ArticleDraft(article.slug(), article.title(), body(article.slug()),
                        article.audience(), article.categories(), article.tags(), 0));
            } catch (org.springframework.dao.DuplicateKeyException anotherNodeShippedIt) {
                // Another node starting at the same moment wrote it first: shipped once is what counts.
            }
        }
    }

    private static String body(String slug) {
        try (InputStream in = new ClassPathResource("knowledge/" + slug + ".md").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException missing) {
            throw new IllegalStateException("the shipped article knowledge/" + slug + ".md is missing", missing);
        }
    }
}
