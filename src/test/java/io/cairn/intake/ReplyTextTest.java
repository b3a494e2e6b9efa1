package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Seeds;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A reply's new text: what the reporter wrote, without the quoted message and without any follow-up code. */
class ReplyTextTest {

    private static final String CODE = "ABCD-EFGH-JKLM-NPQR-STUV";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "On Mon, 4 May 2026 at 10:00, Cairn <cairn@example.org> wrote:",
                "Op ma 4 mei 2026 om 10:00 schreef Cairn <cairn@example.org>:",
                "Op 4 mei 2026 heeft Cairn het volgende geschreven:",
                "-----Original Message-----",
                "-------- Doorgestuurd bericht --------",
                "From: Cairn <cairn@example.org>",
                "Van: Cairn"
            })
    void everythingFromAQuoteHeaderOnIsLeftOut(String header) {
        assertThat(ReplyText.of("The laptop was found.\n\n" + header + "\nYour report INC-12 was received.\n"
                        + "Follow-up code " + CODE + "\n"))
                .isEqualTo("The laptop was found.");
    }

    @Test
    void quotedLinesAreLeftOutAndTheRestKeptInOrder() {
        assertThat(ReplyText.of("> Your report was received\nFirst answer\n  > quoted\nSecond answer\n"))
                .isEqualTo("First answer\nSecond answer");
    }

    @Test
    void aFollowUpCodeLeftInTheTextIsRemovedButOtherCodesStay() {
        assertThat(ReplyText.of("My code is " + CODE + ", the ticket ABCD-1234 stays"))
                .isEqualTo("My code is [follow-up code removed], the ticket ABCD-1234 stays");
    }

    @Test
    void aTextWithoutQuotesIsKeptButForItsOuterWhitespace() {
        assertThat(ReplyText.of("\n  Just this.\nAnd this.  \n\n")).isEqualTo("Just this.\nAnd this.");
    }

    private static final List<String> WORDS = List.of(
            "the", "laptop", "was", "found", "INC-12", "On", "wrote", "Van", ">", "-", "ABCD", "2345", "\n", "\n", " ",
            "  ", ":");
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /**
     * A property over random replies with a random follow-up code somewhere in them, quoted or not: the code is not
     * left, and the text is never longer than the reply.
     */
    @RepeatedTest(300)
    void noFollowUpCodeSurvivesWhereverItStands() {
        long seed = Seeds.next();
        Random random = new Random(seed);
        StringBuilder reply = new StringBuilder();
        int words = random.nextInt(40);
        int codeAt = random.nextInt(words + 1);
        String code = randomCode(random);
        for (int i = 0; i <= words; i++) {
            if (i == codeAt) {
                reply.append(random.nextBoolean() ? " " : "\n").append(code).append(' ');
            }
            reply.append(WORDS.get(random.nextInt(WORDS.size()))).append(random.nextInt(3) == 0 ? "" : " ");
        }
        String text = ReplyText.of(reply.toString());

        String context = Seeds.replay(seed) + ": " + reply;
        assertThat(text).as(context).doesNotContain(code);
        assertThat(text.length()).as(context).isLessThanOrEqualTo(reply.length());
    }

    private static String randomCode(Random random) {
        StringBuilder code = new StringBuilder();
        for (int group = 0; group < 5; group++) {
            if (group > 0) {
                code.append('-');
            }
            for (int i = 0; i < 4; i++) {
                code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
            }
        }
        return code.toString();
    }
}
