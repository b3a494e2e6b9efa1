package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;

class HeaderFirewallTest {

    /** Spring Security's own patterns, which {@link HeaderFirewall} checks without regular expressions. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void acceptsExactlyWhatSpringSecuritysPatternsAcceptForEveryCodePoint() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            assertThat(HeaderFirewall.assignedAndNoControl(text, false))
                    .as("name with U+%04X", codePoint)
                    .isEqualTo(NAMES.matcher(text).matches());
            assertThat(HeaderFirewall.assignedAndNoControl(text, true))
                    .as("value with U+%04X", codePoint)
                    .isEqualTo(VALUES.matcher(text).matches());
        }
    }

    @Test
    void judgesLoneSurrogatesAndEmptyTextAsThePatternsDo() {
        for (String text : new String[] {"", "\uD83D", "x\uDE00", "\uDE00\uD83D", "Bearer cairn_abc\uD83D\uDE00"}) {
            assertThat(HeaderFirewall.assignedAndNoControl(text, true))
                    .as(text)
                    .isEqualTo(VALUES.matcher(text).matches());
        }
    }

    @Test
    void rejectsAHeaderWithAControlCharacterWhenItIsRead() {
        HttpFirewall firewall = HeaderFirewall.strict();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/incidents");
        request.addHeader("Authorization", "Bearer abc\u0007def");
        request.addHeader("X-Tabbed", "one\ttwo");
        var checked = firewall.getFirewalledRequest(request);

        assertThat(checked.getHeader("X-Tabbed")).isEqualTo("one\ttwo");
        assertThatThrownBy(() -> checked.getHeader("Authorization"))
                .isInstanceOf(RequestRejectedException.class)
                .hasMessageContaining("Authorization")
                .hasMessageContaining("not allowed");
    }
}
