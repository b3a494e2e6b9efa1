package io.cairn.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cairn.Pages;
import io.cairn.identity.Role;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** What the sign-in page says after a refused, throttled or disabled sign-in, in the browser's language. */
class SignInPageTest extends Pages.OnServer {

    @Test
    void saysHowLongToWaitAfterTooManyAttempts() throws Exception {
        mvc.perform(get("/login").param("wait", "42"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString("Too many failed attempts. Wait 42 seconds, then try again.")));
    }

    @Test
    void speaksDutchToADutchBrowser() throws Exception {
        mvc.perform(get("/login").param("disabled", "").header("Accept-Language", "nl-NL,nl;q=0.9"))
                .andExpect(content().string(Matchers.containsString("<html lang=\"nl\">")))
                .andExpect(content().string(Matchers.containsString("Dit account is uitgeschakeld.")));
    }

    @Test
    void sendsAReporterAlreadySignedInToTheReportPortal() throws Exception {
        var reporter = users.user("reporter", Set.of(Role.REPORTER));

        mvc.perform(get("/login").with(authentication(users.authentication(reporter))))
                .andExpect(redirectedUrl("/report"));
        mvc.perform(get("/").with(authentication(users.authentication(reporter))))
                .andExpect(redirectedUrl("/report"));
    }

    @Test
    void sendsAHandlerAlreadySignedInToTheIncidentList() throws Exception {
        var handler = users.user("handler", Set.of(Role.HANDLER));

        mvc.perform(get("/").with(authentication(users.authentication(handler))))
                .andExpect(redirectedUrl("/incidents"));
    }
}
