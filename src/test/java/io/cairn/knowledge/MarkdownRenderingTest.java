package io.cairn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Seeds;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An article's Markdown becomes HTML that is safe on a page, whatever its author wrote. */
class MarkdownRenderingTest {

    private final MarkdownRendering rendering = new MarkdownRendering();

    @Test
    void markdownAndGitHubTablesBecomeHtml() {
        assertThat(rendering.html("## Wipe the laptop\n\n1. Open *Find My*\n2. Choose **Erase**\n\n"
                        + "| Step | Who |\n|---|:---:|\n| Wipe | IT |\n\n[Guide](https://example.org/wipe)"))
                .contains(
                        "<h2>Wipe the laptop</h2>",
                        "<ol>",
                        "<em>Find My</em>",
                        "<strong>Erase</strong>",
                        "<table>",
                        "<th align=\"center\">Who</th>",
                        "<td>Wipe</td>",
                        "<a rel=\"nofollow\" href=\"https://example.org/wipe\">Guide</a>");
    }

    @Test
    void rawHtmlInTheSourceIsShownAsTextNeverRendered() {
        String html = rendering.html("Before <script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n"
                + "<div onclick=\"steal()\">block</div>");

        assertThat(html).doesNotContain("<script", "<img", "<div").contains("&lt;script&gt;", "&lt;div");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                " javascript:alert(1)",
                "java\tscript:alert(1)",
                "data:text/html;base64,PHNjcmlwdD4=",
                "vbscript:msgbox(1)",
                "\\\\evil\\share"
            })
    void aLinkOrImageToAnUnsafeAddressBecomesAnEmptyOne(String address) {
        assertThat(MarkdownRendering.isSafe(address)).as(address).isFalse();
        String html = rendering.html("[click](<" + address + ">) ![image](<" + address + ">)");
        assertThat(html)
                .as(address)
                .contains("href=\"\"", "src=\"\"")
                .doesNotContainIgnoringCase("script:")
                .doesNotContain("data:");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.org/a?b=c",
                "http://example.org",
                "mailto:security@example.org",
                "/knowledge/phishing",
                "../relative",
                "#section",
                "//cdn.example.org/x.png"
            })
    void httpMailtoAndRelativeAddressesAreKept(String address) {
        assertThat(MarkdownRendering.isSafe(address)).as(address).isTrue();
    }

    @Test
    void anImageFromAMailtoAddressIsEmptiedButALinkToItKept() {
        assertThat(rendering.html("![x](mailto:a@example.org) [y](mailto:a@example.org)"))
                .contains("src=\"\"", "href=\"mailto:a@example.org\"");
    }

    private static final List<String> PIECES = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[a](javascript:alert(1))",
            "[b](<javascript:alert(1)>)",
            "![c](data:image/svg+xml,<svg onload=x>)",
            "<a href=\"javascript:x\">d</a>",
            "\"",
            "'",
            "<",
            ">",
            "&",
            "`code <b>`",
            "```\n<i>fence</i>\n```\n",
            "| <u>t</u> | x |\n|---|---|\n| y | z |\n",
            "**",
            "_",
            "\n\n",
            "# ",
            "> ",
            "- ",
            "text ",
            "[e](",
            ")",
            "<!-- c -->",
            "<![CDATA[x]]>",
            "&#106;avascript:x",
            "[f]: javascript:x\n[f]",
            "\\");

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    private static final List<String> ALLOWED_TAGS = List.of(
            "p",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "em",
            "strong",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "a",
            "img",
            "hr",
            "br",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final List<String> ALLOWED_ATTRIBUTES =
            List.of("href", "rel", "src", "alt", "title", "class", "align");

    /**
     * A property over random mixes of HTML, dangerous addresses and Markdown: the HTML has only the tags and
     * attributes CommonMark writes, and no address in it has a scheme other than http(s) or mailto.
     */
    @RepeatedTest(300)
    void randomMarkdownNeverYieldsAScriptAnEventHandlerOrAnUnsafeAddress() {
        long seed = Seeds.next();
        Random random = new Random(seed);
        StringBuilder markdown = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            markdown.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        String html = rendering.html(markdown.toString());
        String context = Seeds.replay(seed) + ": " + markdown + " -> " + html;

        var tags = TAG.matcher(html);
        while (tags.find()) {
            assertThat(ALLOWED_TAGS).as(context).contains(tags.group(2));
            var attributes = ATTRIBUTE.matcher(tags.group(3));
            while (attributes.find()) {
                assertThat(ALLOWED_ATTRIBUTES).as(context).contains(attributes.group(1));
                if (List.of("href", "src").contains(attributes.group(1))) {
                    assertThat(MarkdownRendering.isSafe(attributes.group(2).replace("&amp;", "&")))
                            .as(context)
                            .isTrue();
                }
            }
            assertThat(tags.group(3).replaceAll(ATTRIBUTE.pattern(), "").strip())
                    .as(context)
                    .isIn("", "/");
        }
    }
}
