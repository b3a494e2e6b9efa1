package io.cairn.intake;

import java.util.regex.Pattern;

/**
 * The new text of a reply: what the reporter wrote, without the message they quoted. The quoted acknowledgement
 * carries the follow-up code, which must not end up in the report's conversation, so a code left in the text is
 * removed as well.
 */
final class ReplyText {

    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "(?im)^\\s*(On .{1,200} wrote:|Op .{1,200} (schreef|geschreven).{0,80}:|-{2,}\\s*(Original Message|"
                    + "Oorspronkelijk bericht|Forwarded message|Doorgestuurd bericht)\\s*-{2,}|From: .{1,200}"
                    + "|Van: .{1,200})\\s*$");
    private static final Pattern FOLLOW_UP_CODE = Pattern.compile("\\b[A-Z2-9]{4}(-[A-Z2-9]{4}){4}\\b");

    private ReplyText() {}

    static String of(String text) {
        String unquoted = text;
        var header = QUOTE_HEADER.matcher(unquoted);
        if (header.find()) {
            unquoted = unquoted.substring(0, header.start());
        }
        StringBuilder kept = new StringBuilder();
        for (String line : unquoted.split("\n", -1)) {
            if (!line.stripLeading().startsWith(">")) {
                kept.append(line).append('\n');
            }
        }
        return FOLLOW_UP_CODE.matcher(kept.toString().strip()).replaceAll("[follow-up code removed]");
    }
}
