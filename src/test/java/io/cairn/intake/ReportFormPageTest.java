package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.cairn.Pages;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** A guided report that misses a required answer is shown again, refused (400), with the problem at its question. */
class ReportFormPageTest extends Pages.OnServer {

    @Test
    void aMissingRequiredAnswerIsRefusedWith400AndNamedAtItsQuestionInTheReadersLanguage() throws Exception {
        MockHttpServletResponse english = withoutWhen("en");
        MockHttpServletResponse dutch = withoutWhen("nl");

        assertThat(english.getStatus()).isEqualTo(400);
        assertThat(english.getContentAsString(StandardCharsets.UTF_8))
                .contains("q-when-error")
                .contains("Please answer this question.")
                .contains("Clicked it and then");
        assertThat(dutch.getStatus()).isEqualTo(400);
        assertThat(dutch.getContentAsString(StandardCharsets.UTF_8)).contains("Beantwoord deze vraag.");
    }

    private MockHttpServletResponse withoutWhen(String language) throws Exception {
        return mvc.perform(multipart("/report/clicked-link")
                        .param("lang", language)
                        .param("answer.what", "link")
                        .param("answer.details", "Clicked it and then")
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }
}
