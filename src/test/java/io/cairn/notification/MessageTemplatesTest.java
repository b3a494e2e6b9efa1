package io.cairn.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The acknowledgement reads well in English and Dutch, with or without a follow-up code. */
class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates();

    @Test
    void aReporterWithAnAccountGetsTheLinkToTheirReportPage() {
        MessageTemplates.Rendered mail = templates.render(
                "report-acknowledgement",
                "en",
                Map.of("reference", "INC-7", "link", "https://cairn.test/reports/abc", "detailsMissing", false));

        assertThat(mail.subject()).isEqualTo("Your report INC-7 was received");
        assertThat(mail.body())
                .startsWith("Hello,\n\nThank you for your report.")
                .contains("on your report page:\n\n    https://cairn.test/reports/abc\n")
                .doesNotContain("follow-up code")
                .doesNotContain("had no text")
                .doesNotContain("[");
    }

    @Test
    void aReporterWithoutAnAccountGetsTheCodeInTheTextAndNotInTheLink() {
        MessageTemplates.Rendered mail = templates.render(
                "report-acknowledgement",
                "nl",
                Map.of(
                        "reference",
                        "INC-8",
                        "link",
                        "https://cairn.test/follow-up",
                        "detailsMissing",
                        true,
                        "followUpCode",
                        "ABCD-EFGH-JKLM-NPQR-STUV"));

        assertThat(mail.subject()).isEqualTo("Uw melding INC-8 is ontvangen");
        assertThat(mail.body())
                .contains("Uw e-mail bevatte geen tekst")
                .contains("    https://cairn.test/follow-up\n\nmet deze volgcode:\n\n"
                        + "    ABCD-EFGH-JKLM-NPQR-STUV\n");
    }

    @Test
    void anotherLanguageGetsEnglish() {
        assertThat(templates
                        .render(
                                "report-acknowledgement",
                                "fr",
                                Map.of("reference", "INC-9", "link", "x", "detailsMissing", false))
                        .subject())
                .isEqualTo("Your report INC-9 was received");
    }

    @Test
    void aTemplateNameCannotReachOutsideTheTemplates() {
        assertThatThrownBy(() -> templates.render("../application", "en", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
