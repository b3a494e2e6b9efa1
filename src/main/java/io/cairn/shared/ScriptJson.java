package io.cairn.shared;

import tools.jackson.databind.ObjectMapper;

/**
 * A value as JSON for a page's {@code <script type="application/json">} element, with every {@code <} written as
 * {@code \u003c}: still the same JSON to a parser, but no text in it (a name such as {@code </script>}) can close the
 * element and run as markup.
 */
public final class ScriptJson {

    private ScriptJson() {}

    public static String of(ObjectMapper json, Object value) {
        return json.writeValueAsString(value).replace("<", "\\u003c");
    }
}
