package io.cairn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/** axe-core (WCAG 2 A and AA rules) run in the browser's current page, as the accessibility tests use it. */
public final class Axe {

    private static final String SOURCE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private Axe() {}

    /** The serious and critical violations axe finds, one line each: rule, impact and the first elements. */
    @SuppressWarnings("unchecked")
    public static List<String> seriousProblems(Browser browser) {
        browser.script(source());
        Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})
                   .then(result => done(result.violations
                       .filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                   target: v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}))))
                   .catch(e => done([{id: 'axe-failed', impact: 'critical', help: String(e), target: ''}]));
                """);
        return ((List<Map<String, Object>>) result)
                .stream()
                        .map(v ->
                                v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("target"))
                        .toList();
    }

    private static String source() {
        try (InputStream in = Axe.class.getResourceAsStream(SOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
