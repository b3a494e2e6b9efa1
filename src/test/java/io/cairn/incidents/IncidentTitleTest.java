package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import org.junit.jupiter.api.Test;

/** An incident's title is never blank and at most 300 characters, whether typed or made by a channel. */
class IncidentTitleTest {

    @Test
    void aTypedTitleIsTrimmedAndKeptUpToTheLimit() {
        assertThat(IncidentTitle.of("  Phishing mail clicked \n"))
                .isEqualTo(Outcome.done(new IncidentTitle("Phishing mail clicked")));
        String longest = "x".repeat(IncidentTitle.MAX_LENGTH);
        assertThat(IncidentTitle.of(longest)).isEqualTo(Outcome.done(new IncidentTitle(longest)));
    }

    @Test
    void aTypedTitleThatIsBlankOrTooLongIsRefusedNamingTheTitle() {
        for (String wrong : new String[] {"", "   ", "x".repeat(IncidentTitle.MAX_LENGTH + 1)}) {
            Outcome<IncidentTitle> title = IncidentTitle.of(wrong);

            assertThat(title).isInstanceOf(Outcome.Refused.class);
            Refusal refusal = ((Outcome.Refused<IncidentTitle>) title).refusal();
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(refusal.message()).startsWith("title");
        }
    }

    @Test
    void aChannelsLongTextIsShortenedToTheLimitEndingInAnEllipsis() {
        String subject = "Urgent: ".repeat(60);

        IncidentTitle title = IncidentTitle.shortened(subject);

        assertThat(title.text())
                .hasSize(IncidentTitle.MAX_LENGTH)
                .endsWith("\u2026")
                .startsWith(subject.substring(0, IncidentTitle.MAX_LENGTH - 1));
        assertThat(IncidentTitle.shortened("Lost laptop").text()).isEqualTo("Lost laptop");
    }

    @Test
    void aTitleAChannelMadeIsTrimmedAndShortenedAndRefusedOnlyWhenBlank() {
        String made = "  Phishing: " + "the link in the mail ".repeat(20);

        assertThat(IncidentTitle.made(made)).isEqualTo(Outcome.done(IncidentTitle.shortened(made.trim())));
        assertThat(IncidentTitle.made(" \t ")).isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void noTitleIsBlankOrLongerThanTheLimit() {
        assertThatThrownBy(() -> new IncidentTitle(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IncidentTitle("x".repeat(IncidentTitle.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
