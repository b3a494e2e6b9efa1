package io.cairn.platform;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with the same rules for header names and values, checked by a loop instead of
 * a regular expression. The firewall checks a header each time anything reads it, and with the default patterns
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for values also a tab) that was about a tenth of the server's CPU
 * per API request in the create benchmark (BENCHMARKS.md). Every other rule of {@link StrictHttpFirewall} stays.
 */
final class HeaderFirewall {

    private HeaderFirewall() {}

    static HttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(name -> assignedAndNoControl(name, false));
        firewall.setAllowedHeaderValues(value -> assignedAndNoControl(value, true));
        firewall.setAllowedParameterNames(name -> assignedAndNoControl(name, false));
        return firewall;
    }

    /**
     * Whether every code point of the text is assigned in Unicode and not a control character ({@code Cc}), a tab
     * allowed when {@code tabAllowed}: what the firewall's default patterns match, code point by code point.
     */
    static boolean assignedAndNoControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint < 0x7f) {
                // printable ASCII is assigned and no control; below the space, only the tab may pass
                if (codePoint < 0x20 && !(tabAllowed && codePoint == '\t')) {
                    return false;
                }
                i++;
                continue;
            }
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
