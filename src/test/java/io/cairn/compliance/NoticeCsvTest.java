package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.shared.Language;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the people a notice goes to from CSV: every problem by line and column, a broken file refused whole. */
class NoticeCsvTest {

    private static NoticeCsv.Parsed parse(String text) {
        return NoticeCsv.parse(text.getBytes(StandardCharsets.UTF_8), 100);
    }

    private static List<String> problems(NoticeCsv.Parsed parsed) {
        return parsed.problems().stream()
                .map(problem -> problem.where(parsed.header()) + ": " + problem.reason())
                .toList();
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksInAnyColumnOrder() {
        // a quoted line break is read as part of its field, and the lines after it keep their numbers; a name with a
        // line break is refused, since it would go into a mail header
        NoticeCsv.Parsed parsed = parse("e-mail,name,language\r\n"
                + "a.jansen@example.nl,\"Jansen, A.\",nl\r\n"
                + "b@example.org,\"B \"\"Bo\"\" Smith\",EN\r\n"
                + "c@example.org,\"Line\nBreak\",en\r\n"
                + "d@example.org,Dee,en\r\n");

        assertThat(problems(parsed)).containsExactly("line 4, column 2 (name): CSV_BAD_NAME");
        assertThat(parsed.people())
                .containsExactly(
                        new NoticeCsv.Person(2, "Jansen, A.", "a.jansen@example.nl", Language.DUTCH),
                        new NoticeCsv.Person(3, "B \"Bo\" Smith", "b@example.org", Language.ENGLISH),
                        new NoticeCsv.Person(6, "Dee", "d@example.org", Language.ENGLISH));
    }

    @Test
    void namesEveryBadLineByLineAndColumn() {
        NoticeCsv.Parsed parsed = parse("name,e-mail,language\n"
                + "Ann,ann@example.org,en\n"
                + "Bob,not-an-address,nl\n"
                + "Cas,cas@example.org,fr\n"
                + "Dirk,dirk@example.org\n"
                + ",eve@example.org,en\n"
                + "Ann again,ANN@example.org,en\n"
                + "\n"
                + "Fay,fay@example.org,nl\n");

        assertThat(problems(parsed))
                .containsExactly(
                        "line 3, column 2 (e-mail): CSV_BAD_EMAIL",
                        "line 4, column 3 (language): CSV_BAD_LANGUAGE",
                        "line 5: CSV_COLUMNS",
                        "line 6, column 1 (name): CSV_EMPTY_NAME",
                        "line 7, column 2 (e-mail): CSV_DUPLICATE_EMAIL");
        assertThat(parsed.problems().get(4).arguments()).containsExactly("ANN@example.org", "2");
        assertThat(parsed.people()).extracting(NoticeCsv.Person::line).containsExactly(2, 9);
        assertThat(parsed.whole()).isFalse();
    }

    @Test
    void takesSemicolonsOnlyWhenTheHeaderIsSeparatedBySemicolons() {
        NoticeCsv.Parsed semicolons = parse("\uFEFFname;e-mail;language\nJansen, A.;a@example.nl;nl\n");
        assertThat(semicolons.problems()).isEmpty();
        assertThat(semicolons.people()).extracting(NoticeCsv.Person::name).containsExactly("Jansen, A.");

        NoticeCsv.Parsed mixed = parse("name,e-mail,language\nA;a@example.nl;nl\n");
        assertThat(problems(mixed)).containsExactly("line 2: CSV_COLUMNS");
    }

    @Test
    void refusesAFileItCannotReadAsAWhole() {
        assertThat(problems(parse("naam,email,taal\nA,a@example.org,nl\n"))).containsExactly("line 1: CSV_HEADER");
        assertThat(problems(parse("name,e-mail,language\n"))).containsExactly("line 2: CSV_EMPTY");
        assertThat(parse("name,e-mail,language\nA,\"a@example.org,nl\n").whole())
                .isTrue();
        assertThat(problems(NoticeCsv.parse(new byte[] {'n', (byte) 0xC3, '\n'}, 10)))
                .containsExactly("line 1: CSV_NOT_UTF8");
        StringBuilder many = new StringBuilder("name,e-mail,language\n");
        for (int i = 0; i < 101; i++) {
            many.append("P").append(i).append(",p").append(i).append("@example.org,en\n");
        }
        NoticeCsv.Parsed tooMany = parse(many.toString());
        assertThat(tooMany.whole()).isTrue();
        assertThat(problems(tooMany)).containsExactly("line 102: CSV_TOO_MANY");
    }

    @Test
    void knowsAnEmailAddressFromSomethingElse() {
        assertThat(NoticeCsv.isEmail("a.b+c@sub.example.org")).isTrue();
        assertThat(NoticeCsv.isEmail("jan@bücher.de")).isTrue();
        assertThat(NoticeCsv.isEmail("A <a@example.org>")).isFalse();
        assertThat(NoticeCsv.isEmail("a@localhost")).isFalse();
        assertThat(NoticeCsv.isEmail("a..b@example.org")).isFalse();
        assertThat(NoticeCsv.isEmail("a@example.org\r\nBcc: x@example.org")).isFalse();
        assertThat(NoticeCsv.isEmail("@example.org")).isFalse();
    }
}
