package io.cairn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Search snippets show an article's words, not its Markdown, and never its HTML. */
class MarkdownSnippetTest {

    private static final String START = MarkdownRendering.START;
    private static final String STOP = MarkdownRendering.STOP;

    @Test
    void headingsListsEmphasisAndCodeLoseTheirMarks() {
        assertThat(MarkdownRendering.plain("## Collecting " + START + "headers" + STOP + "\n\n1. Open the **mail**\n"
                        + "- Choose *Show original*\n> Copy `Received:` lines\n\n---\n"))
                .isEqualTo("Collecting " + START + "headers" + STOP + " Open the mail Choose Show original Copy "
                        + "Received: lines");
    }

    @Test
    void linksAndImagesReadAsTheirTextAndATableAsItsCells() {
        assertThat(MarkdownRendering.plain("See [the guide](https://example.org/guide \"Guide\") and "
                        + "![a screenshot](/img/s.png).\n\n| Step | Who |\n|---|---|\n| Wipe | IT |"))
                .isEqualTo("See the guide and a screenshot. Step Who Wipe IT");
    }

    @Test
    void aPassageCutInsideALinkOrEmphasisKeepsNoneOfItsMarks() {
        assertThat(MarkdownRendering.plain("the device](https://example.org/wipe) remotely, **as soon"))
                .isEqualTo("the device remotely, as soon");
    }

    @Test
    void wordsWithUnderscoresAndTheMarkedWordsStay() {
        assertThat(MarkdownRendering.snippet("Set **" + START + "mail_header" + STOP + "** <b>now</b>"))
                .isEqualTo("Set <mark>mail_header</mark> &lt;b&gt;now&lt;/b&gt;");
    }
}
