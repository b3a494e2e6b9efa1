package io.cairn.knowledge;

import io.cairn.shared.Language;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The starter articles Cairn ships, in English and Dutch: written at start-up when no article has their address yet,
 * so that a fresh instance has useful self-help and handler guidance, and an article someone edited or removed is
 * never overwritten. An article shipped before without its Dutch text gets it as long as nobody revised it.
 *
 * <p>Each article is the Markdown resource {@code knowledge/{slug}.md} and its Dutch text
 * {@code knowledge/nl/{slug}.md}; the first line of each is the title as a heading ({@code # Title}).
 */
@Component
class ShippedArticles {

    /** One shipped article: who it is for, its RSIT categories, and its tags in English and in Dutch. */
    record Shipped(
            String slug, Audience audience, List<String> categories, List<String> tags, List<String> dutchTags) {}

    /** A title and a body, read from a shipped Markdown resource. */
    record Text(String title, String body) {}

    static final List<Shipped> ARTICLES = List.of(
            // self-help: everyone reads these, also without an account, on /help
            new Shipped(
                    "recognising-phishing-mail",
                    Audience.REPORTERS,
                    List.of("fraud/phishing", "information-gathering/social-engineering"),
                    List.of("phishing", "mail", "self-help"),
                    List.of("phishing", "e-mail", "zelfhulp")),
            new Shipped(
                    "lost-or-stolen-device",
                    Audience.REPORTERS,
                    List.of("information-content-security/data-loss", "intrusions/burglary"),
                    List.of("device", "laptop", "self-help"),
                    List.of("apparaat", "laptop", "zelfhulp")),
            new Shipped(
                    "phishing-evidence",
                    Audience.REPORTERS,
                    List.of("fraud/phishing", "abusive-content/spam", "information-gathering/social-engineering"),
                    List.of("phishing", "mail", "evidence", "self-help"),
                    List.of("phishing", "e-mail", "bewijs", "zelfhulp")),
            new Shipped(
                    "phishing-awareness",
                    Audience.REPORTERS,
                    List.of("fraud/phishing", "fraud/masquerade", "information-gathering/social-engineering"),
                    List.of("phishing", "awareness", "self-help"),
                    List.of("phishing", "bewustwording", "zelfhulp")),
            // for the security team
            new Shipped(
                    "collecting-mail-headers",
                    Audience.HANDLERS,
                    List.of("fraud/phishing", "abusive-content/spam"),
                    List.of("phishing", "mail", "forensics"),
                    List.of("phishing", "e-mail", "forensisch onderzoek")),
            new Shipped(
                    "containing-a-compromised-account",
                    Audience.HANDLERS,
                    List.of("intrusions/unprivileged-account-compromise", "intrusions/privileged-account-compromise"),
                    List.of("account", "containment", "mfa"),
                    List.of("account", "indammen", "mfa")),
            new Shipped(
                    "reset-password",
                    Audience.HANDLERS,
                    List.of(
                            "intrusions/unprivileged-account-compromise", "intrusions/privileged-account-compromise",
                            "intrusion-attempts/brute-force", "fraud/phishing"),
                    List.of("account", "password", "mfa"),
                    List.of("account", "wachtwoord", "mfa")),
            new Shipped(
                    "remote-wipe",
                    Audience.HANDLERS,
                    List.of("information-content-security/data-loss", "intrusions/burglary"),
                    List.of("device", "containment", "mdm"),
                    List.of("apparaat", "indammen", "mdm")),
            new Shipped(
                    "isolate-device",
                    Audience.HANDLERS,
                    List.of("malicious-code/infected-system", "intrusions/system-compromise"),
                    List.of("malware", "ransomware", "containment", "edr"),
                    List.of("malware", "ransomware", "indammen", "edr")),
            new Shipped(
                    "personal-data-breach",
                    Audience.HANDLERS,
                    List.of(
                            "information-content-security/data-leak",
                            "information-content-security/unauthorised-information-access",
                            "information-content-security/unauthorised-information-modification",
                            "information-content-security/data-loss"),
                    List.of("gdpr", "privacy", "data breach"),
                    List.of("avg", "privacy", "datalek")),
            new Shipped(
                    "gdpr-notification",
                    Audience.HANDLERS,
                    List.of(
                            "information-content-security/data-leak",
                            "information-content-security/unauthorised-information-access",
                            "information-content-security/data-loss"),
                    List.of("gdpr", "privacy", "notification"),
                    List.of("avg", "privacy", "melding")),
            new Shipped(
                    "ddos-provider-contacts",
                    Audience.HANDLERS,
                    List.of("availability/dos", "availability/ddos"),
                    List.of("ddos", "contacts"),
                    List.of("ddos", "contactgegevens")));

    private final KnowledgeManagement knowledge;

    ShippedArticles(KnowledgeManagement knowledge) {
        this.knowledge = knowledge;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ship() {
        for (Shipped article : ARTICLES) {
            Text english = text(Language.ENGLISH, article.slug());
            Text dutch = text(Language.DUTCH, article.slug());
            try {
                knowledge.ship(
                        new ArticleDraft(
                                article.slug(),
                                english.title(),
                                english.body(),
                                article.audience(),
                                article.categories(),
                                article.tags(),
                                0),
                        List.of(new Articles.Translation(
                                Language.DUTCH, dutch.title(), dutch.body(), article.dutchTags())));
            } catch (org.springframework.dao.DuplicateKeyException anotherNodeShippedIt) {
                // Another node starting at the same moment wrote it first: shipped once is what counts.
            }
        }
    }

    /** The title and body of a shipped article in a language. */
    static Text text(Language language, String slug) {
        String path = "knowledge/" + (language == Language.ENGLISH ? "" : language.code() + "/") + slug + ".md";
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            String markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!markdown.startsWith("# ") || !markdown.contains("\n")) {
                throw new IllegalStateException("the shipped article " + path + " must start with '# Title'");
            }
            return new Text(
                    markdown.substring(2, markdown.indexOf('\n')).strip(),
                    markdown.substring(markdown.indexOf('\n')).strip());
        } catch (IOException missing) {
            throw new IllegalStateException("the shipped article " + path + " is missing", missing);
        }
    }
}
