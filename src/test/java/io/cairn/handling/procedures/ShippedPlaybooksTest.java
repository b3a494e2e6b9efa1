package io.cairn.handling.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The shipped playbooks come in English and Dutch: every playbook has its Dutch name and
 * description, every step its Dutch title and description, and a Dutch reader gets them while the stored text is the
 * shipped one.
 */
class ShippedPlaybooksTest {

    @Test
    void everyShippedPlaybookAndStepHasItsDutchText() {
        List<ShippedPlaybooks.Shipped> shipped = ShippedPlaybooks.shipped();
        assertThat(shipped).hasSize(6);
        for (ShippedPlaybooks.Shipped playbook : shipped) {
            PlaybookDefinition english = playbook.english();
            PlaybookDefinition dutch = playbook.dutch();
            assertThat(dutch.name()).as(english.key()).isNotBlank();
            assertThat(dutch.description()).as(english.key()).isNotBlank().isNotEqualTo(english.description());
            assertThat(dutch.steps()).hasSameSizeAs(english.steps());
            for (int i = 0; i < english.steps().size(); i++) {
                String step = english.key() + ": " + english.steps().get(i).title();
                assertThat(dutch.steps().get(i).title())
                        .as(step)
                        .isNotBlank()
                        .isNotEqualTo(english.steps().get(i).title());
                assertThat(dutch.steps().get(i).description())
                        .as(step)
                        .isNotBlank()
                        .isNotEqualTo(english.steps().get(i).description());
            }
        }
    }

    @Test
    void aDutchReaderGetsTheShippedTextsInDutchAndWhatSomeoneWroteAsWritten() {
        PlaybookDefinition phishing = ShippedPlaybooks.read().get(0);
        PlaybookStep first = phishing.steps().get(0);
        PlaybookDefinition edited = phishing.withSteps(List.of(new PlaybookStep(
                first.phase(),
                "Our own first step",
                first.description(),
                first.articles(),
                first.mandatory(),
                first.team(),
                first.due())));

        assertThat(ShippedTexts.shown(phishing).steps().get(0).title())
                .isEqualTo("Collect the message with its full headers");
        PlaybookDefinition inDutch = inDutch(() -> ShippedTexts.shown(phishing));
        assertThat(inDutch.steps().get(0).title()).isEqualTo("Het bericht met alle headers verzamelen");
        assertThat(inDutch.description()).startsWith("Een phishingbericht heeft gebruikers bereikt");
        for (int i = 0; i < phishing.steps().size(); i++) {
            assertThat(inDutch.steps().get(i).articles())
                    .isEqualTo(phishing.steps().get(i).articles());
            assertThat(inDutch.steps().get(i).due())
                    .isEqualTo(phishing.steps().get(i).due());
        }
        PlaybookStep editedStep =
                inDutch(() -> ShippedTexts.shown(edited)).steps().get(0);
        assertThat(editedStep.title()).isEqualTo("Our own first step");
        assertThat(editedStep.description()).startsWith("Haal het oorspronkelijke bericht");
    }

    @Test
    void savingAPlaybookAsItWasShownInDutchKeepsItsShippedTextsAndStoresOnlyWhatChanged() {
        PlaybookDefinition phishing = ShippedPlaybooks.read().get(0);
        PlaybookDefinition shown = inDutch(() -> ShippedTexts.shown(phishing));
        PlaybookStep first = shown.steps().get(0);
        PlaybookDefinition changed = shown.withSteps(java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(new PlaybookStep(
                                first.phase(),
                                "Onze eigen eerste stap",
                                first.description(),
                                first.articles(),
                                first.mandatory(),
                                first.team(),
                                first.due())),
                        shown.steps().stream().skip(1))
                .toList());

        assertThat(inDutch(() -> ShippedTexts.asStored(shown, phishing))).isEqualTo(phishing);
        PlaybookDefinition stored = inDutch(() -> ShippedTexts.asStored(changed, phishing));
        assertThat(stored.steps().get(0).title()).isEqualTo("Onze eigen eerste stap");
        assertThat(stored.steps().get(0).description())
                .isEqualTo(phishing.steps().get(0).description());
        assertThat(stored.name()).isEqualTo(phishing.name());
    }

    private static <T> T inDutch(Supplier<T> read) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));
        try {
            return read.get();
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
