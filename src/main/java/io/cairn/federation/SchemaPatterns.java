package io.cairn.federation;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * The regular expressions of the exchange schema as the validator runs them: each with the Java runtime's engine (a
 * final {@code $} matching only at the end, as in ECMA-262, not before a final line break as in Java), except those of a sealed provenance entry (a JWE of several kilobytes in every message: its compact serialization, and
 * the base64url parts of its general JSON serialization),
 * which a loop over its characters decides as the pattern means it in JSON Schema (ECMA-262, where {@code $} is the
 * end of the text; the Java runtime would also let a final line break pass) in a twentieth of the time the engine
 * took (four fifths of validating a message). The schema served to peers keeps the pattern itself.
 */
final class SchemaPatterns implements RegularExpressionFactory {

    /** The pattern of a JWE compact serialization: five base64url parts, the second (the encrypted key) may be empty. */
    static final String JWE_COMPACT =
            "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$";

    /** The pattern of base64url text without padding: the parts of a sealed entry in its general JSON serialization. */
    static final String BASE64URL = "^[A-Za-z0-9_-]+$";

    @Override
    public RegularExpression getRegularExpression(String regex) {
        if (JWE_COMPACT.equals(regex)) {
            return SchemaPatterns::isJweCompact;
        }
        if (BASE64URL.equals(regex)) {
            return SchemaPatterns::isBase64Url;
        }
        Pattern pattern = Pattern.compile(endAtTheEnd(regex));
        // JSON Schema patterns are not anchored: the pattern may match anywhere in the string
        return value -> pattern.matcher(value).find();
    }

    /** The regular expression with a final {@code $} that matches only at the end of the text, as in ECMA-262. */
    static String endAtTheEnd(String regex) {
        boolean endsWithAnchor = regex.endsWith("$") && !regex.endsWith("\\$");
        return endsWithAnchor ? regex.substring(0, regex.length() - 1) + "\\z" : regex;
    }

    /** Whether the text matches {@link #JWE_COMPACT}. */
    static boolean isJweCompact(String text) {
        int part = 0;
        int partLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (partLength == 0 && part != 1 || part == 4) {
                    return false;
                }
                part++;
                partLength = 0;
            } else if (isBase64Url(c)) {
                partLength++;
            } else {
                return false;
            }
        }
        return part == 4 && partLength > 0;
    }

    /** Whether the text matches {@link #BASE64URL}. */
    static boolean isBase64Url(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isBase64Url(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64Url(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
