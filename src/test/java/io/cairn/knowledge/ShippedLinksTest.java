package io.cairn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Language;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every link in what Cairn ships leads somewhere the person following it may go: the knowledge links of the shipped
 * playbooks, the links in the shipped articles (both languages) and any in the report templates' tips. A knowledge
 * article must exist and be readable by whoever follows the link (a reporter, perhaps without an account, reads only
 * self-help, on {@code /help}); a web address must be a well-formed https address.
 */
class ShippedLinksTest {

    /** A Markdown link's target: {@code [text](target)}. */
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /** Anything in plain text that looks like a link. */
    private static final Pattern TEXT_LINK =
            Pattern.compile("(https?://\\S+|(?<![\\w.])/(?:help|knowledge|report|" + "follow-up)\\S*)");

    private static final Map<String, ShippedArticles.Shipped> ARTICLES = ShippedArticles.ARTICLES.stream()
            .collect(Collectors.toMap(ShippedArticles.Shipped::slug, Function.identity()));

    /** Who follows a link: decides which articles it may lead to. */
    enum Reader {
        HANDLER,
        REPORTER
    }

    @Test
    void everyKnowledgeLinkOfAShippedPlaybookLeadsToAnArticleItsTeamMayRead() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (JsonNode playbook : json("handling/shipped-playbooks.json")) {
            for (JsonNode step : playbook.get("steps")) {
                // a step without a team is done by the incident's own team: the handlers
                Reader reader = step.path("team").isNull() ? Reader.HANDLER : Reader.REPORTER;
                String where = playbook.get("key").asString() + ": "
                        + step.get("title").asString();
                for (JsonNode article : step.get("articles")) {
                    String link = article.asString();
                    links++;
                    problem(
                                    link.startsWith("https://") || link.startsWith("http://")
                                            ? link
                                            : "/knowledge/" + link,
                                    reader)
                            .ifPresent(problem -> broken.add(where + ": " + problem));
                }
                for (String text : List.of(
                        step.get("description").asString(),
                        step.path("nl").path("description").asString(""))) {
                    textLinks(text)
                            .forEach(link ->
                                    problem(link, reader).ifPresent(problem -> broken.add(where + ": " + problem)));
                }
            }
        }
        assertThat(links).isGreaterThan(10);
        assertThat(broken).isEmpty();
    }

    @Test
    void everyLinkInAShippedArticleLeadsToAPageItsReadersMayOpen() {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (ShippedArticles.Shipped article : ShippedArticles.ARTICLES) {
            Reader reader = article.audience() == Audience.REPORTERS ? Reader.REPORTER : Reader.HANDLER;
            for (Language language : Language.values()) {
                String where = article.slug() + " (" + language.code() + ")";
                for (String link : markdownLinks(
                        ShippedArticles.text(language, article.slug()).body())) {
                    links++;
                    problem(link, reader).ifPresent(problem -> broken.add(where + ": " + problem));
                }
            }
        }
        assertThat(links).isGreaterThan(20);
        assertThat(broken).isEmpty();
    }

    @Test
    void theDutchTextOfAnArticleLinksToThePagesTheEnglishDoes() {
        for (ShippedArticles.Shipped article : ShippedArticles.ARTICLES) {
            List<String> dutch = markdownLinks(
                    ShippedArticles.text(Language.DUTCH, article.slug()).body());
            List<String> english = markdownLinks(
                    ShippedArticles.text(Language.ENGLISH, article.slug()).body());
            // a web address may differ: the Dutch text links a source's Dutch version
            assertThat(dutch.stream().filter(link -> link.startsWith("/")))
                    .as(article.slug())
                    .isEqualTo(english.stream()
                            .filter(link -> link.startsWith("/"))
                            .toList());
            assertThat(dutch).as(article.slug()).hasSameSizeAs(english);
        }
    }

    @Test
    void everyLinkInTheTipsOfAShippedReportTemplateLeadsToAPageAReporterMayOpen() throws IOException {
        List<String> broken = new ArrayList<>();
        for (JsonNode template : json("intake/shipped-templates.json")) {
            for (JsonNode tip : template.get("tips")) {
                for (String text :
                        List.of(tip.get("en").asString(), tip.get("nl").asString())) {
                    textLinks(text)
                            .forEach(link -> problem(link, Reader.REPORTER)
                                    .ifPresent(problem ->
                                            broken.add(template.get("key").asString() + ": " + problem)));
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void findsTheLinksThatDoNotResolve() {
        assertThat(problem("/knowledge/no-such-article", Reader.HANDLER)).isPresent();
        assertThat(problem("/knowledge/collecting-mail-headers", Reader.REPORTER))
                .isPresent();
        assertThat(problem("/help/collecting-mail-headers", Reader.HANDLER)).isPresent();
        assertThat(problem("/report/no-such-template", Reader.REPORTER)).isPresent();
        assertThat(problem("https://exa mple.org", Reader.REPORTER)).isPresent();
        assertThat(problem("ftp://example.org", Reader.REPORTER)).isPresent();
        assertThat(problem("/help/recognising-phishing-mail", Reader.REPORTER)).isEmpty();
        assertThat(problem("/knowledge/collecting-mail-headers", Reader.HANDLER))
                .isEmpty();
        assertThat(problem("/report/lost-device", Reader.REPORTER)).isEmpty();
        assertThat(textLinks("See /help/phishing-evidence or https://example.org/a."))
                .containsExactly("/help/phishing-evidence", "https://example.org/a");
    }

    /** Why a link does not resolve for this reader; empty when it does. */
    static Optional<String> problem(String link, Reader reader) {
        if (link.startsWith("http://") || link.startsWith("https://")) {
            try {
                URI address = new URI(link);
                return "https".equals(address.getScheme()) && address.getHost() != null
                        ? Optional.empty()
                        : Optional.of(link + " is not an https address");
            } catch (URISyntaxException e) {
                return Optional.of(link + " is not a well-formed address");
            }
        }
        String[] path = link.split("[?#]")[0].split("/", -1);
        String page = path.length > 1 ? path[1] : "";
        String rest = path.length > 2 ? path[2] : "";
        return switch (page) {
            case "help" ->
                rest.isEmpty()
                        ? Optional.empty()
                        : !ARTICLES.containsKey(rest)
                                ? Optional.of(link + " does not exist")
                                : ARTICLES.get(rest).audience() != Audience.REPORTERS
                                        ? Optional.of(
                                                link + " is not self-help: /help shows only articles for reporters")
                                        : Optional.empty();
            case "knowledge" ->
                reader == Reader.REPORTER
                        ? Optional.of(link + " needs an account with a staff role; link self-help as /help/...")
                        : ARTICLES.containsKey(rest) ? Optional.empty() : Optional.of(link + " does not exist");
            case "report" ->
                rest.isEmpty() || templateKeys().contains(rest)
                        ? Optional.empty()
                        : Optional.of(link + " is no shipped report template");
            case "follow-up" -> Optional.empty();
            default -> Optional.of(link + " is neither a web address nor a page anyone can follow");
        };
    }

    private static Set<String> templateKeys() {
        try {
            Set<String> keys = new LinkedHashSet<>();
            json("intake/shipped-templates.json")
                    .forEach(template -> keys.add(template.get("key").asString()));
            return keys;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> markdownLinks(String markdown) {
        List<String> links = new ArrayList<>();
        Matcher matcher = MARKDOWN_LINK.matcher(markdown);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }

    static List<String> textLinks(String text) {
        List<String> links = new ArrayList<>();
        Matcher matcher = TEXT_LINK.matcher(text);
        while (matcher.find()) {
            links.add(matcher.group(1).replaceAll("[.,;:)]+$", ""));
        }
        return links;
    }

    private static JsonNode json(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        }
    }
}
