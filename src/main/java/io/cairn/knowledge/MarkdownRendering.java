package io.cairn.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns an article's Markdown into HTML that is safe to put on a page: raw HTML in the source is shown as text,
 * never rendered, and links and images lead only to http(s), mailto or relative addresses (a {@code javascript:} or
 * {@code data:} link becomes an empty one). CommonMark (with GitHub's tables) writes no attributes but {@code href}
 * (with {@code rel="nofollow"}), {@code src}, {@code alt}, {@code title}, code classes and a table cell's
 * {@code align}, all escaped, so no event handler can reach the page.
 */
@Component
class MarkdownRendering {

    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    /** Tables (GitHub's pipe syntax) besides CommonMark: shipped articles compare products and mail programs. */
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SafeAddresses())
            .build();

    /** The article as HTML. */
    String html(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    /**
     * The snippet of a search, as HTML: the words of the passage without their Markdown, escaped, and the words found
     * (between markers) in mark.
     */
    static String snippet(String marked) {
        return HtmlUtils.htmlEscape(plain(marked)).replace(START, "<mark>").replace(STOP, "</mark>");
    }

    /**
     * A passage of Markdown as a reader sees its words: no heading, quote, list or emphasis marks, code ticks, table
     * bars or rules, links and images by their text, on one line. The passage may begin or end inside a construct
     * (a search cuts it anywhere); whatever is left of the construct's marks goes too.
     */
    static String plain(String markdown) {
        String text = markdown;
        for (Rewrite rewrite : PLAIN) {
            text = rewrite.pattern().matcher(text).replaceAll(rewrite.replacement());
        }
        return text.strip();
    }

    private record Rewrite(Pattern pattern, String replacement) {}

    /** The rewrites of {@link #plain}, in order. */
    private static final List<Rewrite> PLAIN = java.util.Arrays.stream(new String[][] {
                {"!?\\[([^\\]\\n]*)\\]\\([^)\\s]*(?:\\s+\"[^\"]*\")?\\)", "$1"},
                {"!?\\[([^\\]\\n]*)\\]\\[[^\\]\\n]*\\]", "$1"},
                {"\\]\\([^)\\s]*\\)", ""},
                {"<((?:https?|mailto):[^>\\s]*)>", "$1"},
                {"(?m)^[ \\t]*(?:`{3,}|~{3,}).*$", ""},
                {"(?m)^[ \\t]*([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$", ""},
                {"(?m)^[ \\t]*\\|?(?:[ \\t]*:?-{3,}:?[ \\t]*\\|?)+[ \\t]*$", ""},
                {"(?m)^(?:[ \\t]*(?:#{1,6}[ \\t]+|>[ \\t]?|[-*+][ \\t]+|\\d{1,9}[.)][ \\t]+))+", ""},
                {"\\*\\*|__|~~|`", ""},
                {"(?<![\\p{L}\\p{N}])[*_]|[*_](?![\\p{L}\\p{N}])", ""},
                {"\\|", " "},
                {"\\s+", " "},
            })
            .map(rule -> new Rewrite(Pattern.compile(rule[0]), rule[1]))
            .toList();

    /** The markers the database puts around words found; control characters that no article text contains. */
    static final String START = "\u0002";

    static final String STOP = "\u0003";

    /** Whether an address may be a link: http(s), mailto, or relative (no scheme at all). */
    static boolean isSafe(String url) {
        String trimmed = url.strip();
        String compact = trimmed.replaceAll("[\\p{Cntrl}\\s]", "");
        var scheme = SCHEME.matcher(compact);
        if (!scheme.find()) {
            // No scheme: relative. Leading slashes followed by a host (//evil.example) are allowed as http(s).
            return !compact.startsWith("\\");
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        return name.equals("http") || name.equals("https") || name.equals("mailto");
    }

    private static final class SafeAddresses implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            return isSafe(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return isSafe(url) && !url.strip().toLowerCase(Locale.ROOT).startsWith("mailto:") ? url : "";
        }
    }
}
