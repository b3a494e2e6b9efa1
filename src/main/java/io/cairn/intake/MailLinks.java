package io.cairn.intake;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The web links of a reported mail: the http and https URLs written in its text and the targets of its HTML links,
 * each once, in the order they come, at most {@value #MAX}. Whether each is a valid URL is the incidents module's
 * check when it becomes an observable.
 */
final class MailLinks {

    /** The most links taken from one mail. */
    static final int MAX = 50;

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`{}|\\\\^\\[\\]]+");
    private static final String TRAILING = ".,;:!?)'\"";

    private MailLinks() {}

    /** Adds the links written in the text. */
    static void fromText(String text, Set<String> into) {
        Matcher found = URL.matcher(text);
        while (found.find() && into.size() < MAX) {
            into.add(trimmed(found.group()));
        }
    }

    /** Adds the targets of the HTML's links, and the links written in its text. */
    static void fromHtml(String html, Set<String> into) {
        for (Element link : Jsoup.parse(html).select("a[href], area[href]")) {
            String target = link.attr("href").strip();
            String lower = target.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("http://") || lower.startsWith("https://")) && into.size() < MAX) {
                into.add(target);
            }
        }
        fromText(Jsoup.parse(html).text(), into);
    }

    /** The links collected, at most {@value #MAX}. */
    static List<String> of(Set<String> links) {
        return List.copyOf(links).subList(0, Math.min(links.size(), MAX));
    }

    /** A new collection of links, each kept once in the order it came. */
    static Set<String> collector() {
        return new LinkedHashSet<>();
    }

    private static String trimmed(String url) {
        String trimmed = url;
        while (!trimmed.isEmpty() && TRAILING.indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
