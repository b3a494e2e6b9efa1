package io.cairn.intake;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import io.cairn.Pages;
import java.util.concurrent.ThreadLocalRandom;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
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
        mvc.perform(post("/follow-up").param("code", "AAAA-BBBB-CCCC-DDDD-EEEE").with(fromAnAddressOfItsOwn())
                        .with(csrf()))
                .andExpect(content().string(Matchers.containsString(
                        "This is not a follow-up code. Check it and try again.")));
        mvc.perform(post("/follow-up").param("code", "AAAA-BBBB-CCCC-DDDD-EEEE").param("lang", "nl")
                        .with(fromAnAddressOfItsOwn()).with(csrf()))
                .andExpect(content().string(Matchers.containsString(
                        "Dit is geen vervolgcode. Controleer de code en probeer het opnieuw.")));
    }
}
