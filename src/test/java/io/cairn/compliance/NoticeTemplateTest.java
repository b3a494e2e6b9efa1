package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Language;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The notice to a person in English and in Dutch: the GDPR Art. 34(2) content under headings in the person's
 * language, addressed to them, from the organisation; the draft takes the stage's records and the template's subject.
 */
class NoticeTemplateTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("i18n/compliance");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final Map<String, String> RECORDS = Map.of(
            "nature", "A laptop with patient records was stolen.",
            "likely-consequences", "Someone may read your address.",
            "measures", "We wiped the laptop remotely.",
            "contact-point", "Privacy officer <dpo@zorg.example>",
            "data-subject-count", "1200");

    @Test
    void theEnglishNoticeCarriesTheArticle34ContentUnderItsHeadings() {
        Map<String, String> text = NoticeTemplate.draft(Language.ENGLISH, "Zorg B.V.", RECORDS, MESSAGES);
        NoticeTemplate.Rendered notice =
                NoticeTemplate.render(Language.ENGLISH, "Anna de Vries", "Zorg B.V.", text, MESSAGES);

        assertThat(notice.subject()).isEqualTo("Important: a breach of your personal data at Zorg B.V.");
        assertThat(notice.body())
                .startsWith("Dear Anna de Vries,\n\nZorg B.V. must tell you")
                .containsSubsequence(
                        "What happened\nA laptop with patient records was stolen.",
                        "What this may mean for you\nSomeone may read your address.",
                        "What we did and what we advise you to do\nWe wiped the laptop remotely.",
                        "Whom to ask\nPrivacy officer <dpo@zorg.example>",
                        "Zorg B.V.")
                .doesNotContain("1200");
    }

    @Test
    void theDutchNoticeHasDutchHeadingsAroundTheTextTheOfficerWrote() {
        Map<String, String> text =
                new java.util.HashMap<>(NoticeTemplate.draft(Language.DUTCH, "Zorg B.V.", RECORDS, MESSAGES));
        text.put("nature", "Er is een laptop met patiëntgegevens gestolen.");
        NoticeTemplate.Rendered notice =
                NoticeTemplate.render(Language.DUTCH, "Anna de Vries", "Zorg B.V.", text, MESSAGES);

        assertThat(notice.subject()).isEqualTo("Belangrijk: een inbreuk op uw persoonsgegevens bij Zorg B.V.");
        assertThat(notice.body())
                .startsWith("Beste Anna de Vries,")
                .containsSubsequence(
                        "artikel 34",
                        "Wat er is gebeurd\nEr is een laptop met patiëntgegevens gestolen.",
                        "Wat dit voor u kan betekenen",
                        "Wat wij hebben gedaan en wat wij u aanraden",
                        "Bij wie u terechtkunt\nPrivacy officer <dpo@zorg.example>");
    }
}
