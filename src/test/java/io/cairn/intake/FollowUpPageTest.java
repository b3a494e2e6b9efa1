package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.cairn.Pages;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The follow-up page says what is wrong with a code in a sentence, in the reader's language. */
class FollowUpPageTest extends Pages.OnServer {

    /** An address of its own, so that other tests' wrong codes do not make this one wait. */
    private static RequestPostProcessor fromAnAddressOfItsOwn() {
        String address = "10.77." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(1, 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void aWrongCodeIsNamedInASentenceInEnglishAndDutch() throws Exception {
        assertThat(followedUp("en")).contains("This is not a follow-up code. Check it and try again.");
        assertThat(followedUp("nl")).contains("Dit is geen vervolgcode. Controleer de code en probeer het opnieuw.");
    }

    /** The page the browser shows after posting a wrong code: the form redirects, carrying the code in the session. */
    private String followedUp(String language) throws Exception {
        RequestPostProcessor address = fromAnAddressOfItsOwn();
        MvcResult posted = mvc.perform(post("/follow-up")
                        .param("code", "AAAA-BBBB-CCCC-DDDD-EEEE")
                        .param("lang", language)
                        .with(address)
                        .with(csrf()))
                .andExpect(redirectedUrl("/follow-up"))
                .andReturn();
        return mvc.perform(get("/follow-up")
                        .param("lang", language)
                        .flashAttrs(posted.getFlashMap())
                        .with(address))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
