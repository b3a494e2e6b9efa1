package io.cairn.compliance;

import io.cairn.shared.Language;
import io.cairn.shared.Refusal;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads the people a notice goes to from CSV as RFC 4180 writes it (quoted fields with doubled quotes, CRLF or LF), in
 * UTF-8 with or without a byte order mark: a header naming the columns {@code name}, {@code e-mail} and
 * {@code language} in any order, then a person a line. The separator is a comma, or a semicolon when the header is
 * separated by semicolons only (as Dutch spreadsheets write it): it is read from the header, never guessed from data.
 * Every problem is named by its line and column; a file that cannot be read as a whole (not UTF-8, no such header,
 * broken quoting, too many people) is refused whole.
 */
final class NoticeCsv {

    /** The columns a file has, as its header names them. */
    static final List<String> COLUMNS = List.of("name", "e-mail", "language");

    static final int MAX_NAME = 200;
    private static final int MAX_EMAIL = 254;
    private static final java.util.regex.Pattern LOCAL_PART =
            java.util.regex.Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]{1,62}");

    /** A person of the file, on its line. */
    record Person(int line, String name, String email, Language language) {}

    /**
     * A problem of the file: its line (1 is the header), and its column when one is to blame.
     *
     * @param column the column's number, from 1; 0 when the whole line is at fault
     */
    record Problem(int line, int column, Refusal.Reason reason, List<Object> arguments) {

        Problem {
            arguments = List.copyOf(arguments);
        }

        /** Where it is, as the answer names the field: {@code line 3, column 2 (e-mail)}. */
        String where(List<String> header) {
            return column == 0
                    ? "line " + line
                    : "line " + line + ", column " + column + " (" + header.get(column - 1) + ")";
        }
    }

    /**
     * What a file holds.
     *
     * @param header the columns in the file's order; the standard order when the header could not be read
     * @param people the people of the good lines
     * @param problems every problem, by line
     * @param whole whether the file cannot be read at all: then nothing of it may be imported
     */
    record Parsed(List<String> header, List<Person> people, List<Problem> problems, boolean whole) {

        static Parsed refused(int line, Refusal.Reason reason, Object... arguments) {
            return new Parsed(COLUMNS, List.of(), List.of(new Problem(line, 0, reason, List.of(arguments))), true);
        }
    }

    private NoticeCsv() {}

    /** The people of the file and its problems; a file of more than {@code maxPeople} people is refused whole. */
    static Parsed parse(byte[] content, int maxPeople) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return Parsed.refused(1, ComplianceRefusals.CSV_NOT_UTF8);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char separator = separator(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return read(parser, maxPeople);
        } catch (IOException | UncheckedIOException e) {
            return Parsed.refused(1, ComplianceRefusals.CSV_SYNTAX, abbreviated(message(e)));
        }
    }

    private static Parsed read(CSVParser parser, int maxPeople) {
        Iterator<CSVRecord> records = parser.iterator();
        List<String> header = records.hasNext() ? header(records.next()) : List.of();
        if (header.isEmpty()) {
            return Parsed.refused(1, ComplianceRefusals.CSV_HEADER, String.join(",", COLUMNS));
        }
        List<Person> people = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int lines = 0;
        while (true) {
            int line = (int) parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    break;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                return Parsed.refused(line, ComplianceRefusals.CSV_SYNTAX, abbreviated(message(e)));
            }
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (++lines > maxPeople) {
                return Parsed.refused(line, ComplianceRefusals.CSV_TOO_MANY, String.valueOf(maxPeople));
            }
            row(line, record, header, seen, problems).ifPresent(people::add);
        }
        if (lines == 0) {
            return Parsed.refused(2, ComplianceRefusals.CSV_EMPTY);
        }
        return new Parsed(header, people, problems, false);
    }

    /** The person of a line, when it has no problem; its problems added. */
    private static java.util.Optional<Person> row(
            int line, CSVRecord record, List<String> header, Map<String, Integer> seen, List<Problem> problems) {
        if (record.size() != COLUMNS.size()) {
            problems.add(new Problem(
                    line,
                    0,
                    ComplianceRefusals.CSV_COLUMNS,
                    List.of(String.valueOf(record.size()), String.valueOf(COLUMNS.size()))));
            return java.util.Optional.empty();
        }
        int before = problems.size();
        int nameColumn = header.indexOf("name");
        int emailColumn = header.indexOf("e-mail");
        int languageColumn = header.indexOf("language");
        String name = record.get(nameColumn).strip();
        if (name.isEmpty()) {
            problems.add(new Problem(line, nameColumn + 1, ComplianceRefusals.CSV_EMPTY_NAME, List.of()));
        } else if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem(
                    line, nameColumn + 1, ComplianceRefusals.CSV_BAD_NAME, List.of(String.valueOf(MAX_NAME))));
        }
        String email = record.get(emailColumn).strip();
        email(line, emailColumn + 1, email, seen, problems);
        Language language = language(record.get(languageColumn));
        if (language == null) {
            problems.add(new Problem(
                    line,
                    languageColumn + 1,
                    ComplianceRefusals.CSV_BAD_LANGUAGE,
                    List.of(abbreviated(record.get(languageColumn).strip()))));
        }
        return problems.size() > before || language == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(new Person(line, name, email, language));
    }

    /** Checks the e-mail address of a line: an address, not on an earlier line of the file. */
    private static void email(int line, int column, String email, Map<String, Integer> seen, List<Problem> problems) {
        if (!isEmail(email)) {
            problems.add(new Problem(line, column, ComplianceRefusals.CSV_BAD_EMAIL, List.of(abbreviated(email))));
            return;
        }
        Integer earlier = seen.putIfAbsent(email.toLowerCase(Locale.ROOT), line);
        if (earlier != null) {
            problems.add(new Problem(
                    line, column, ComplianceRefusals.CSV_DUPLICATE_EMAIL, List.of(email, String.valueOf(earlier))));
        }
    }

    /** The header's columns in its order, each one of {@link #COLUMNS} once; empty when it is no such header. */
    private static List<String> header(CSVRecord record) {
        List<String> names = record.stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .map(name -> name.equals("email") ? "e-mail" : name)
                .toList();
        return names.size() == COLUMNS.size() && names.containsAll(COLUMNS) ? names : List.of();
    }

    /** A semicolon when the first line has semicolons and no comma, else a comma. */
    private static char separator(String text) {
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                end = i;
                break;
            }
        }
        String first = text.substring(0, end);
        return first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
    }

    /** The language a cell names: {@code en} or {@code nl}, in any case. */
    static @Nullable Language language(String cell) {
        String code = cell.strip().toLowerCase(Locale.ROOT);
        for (Language language : Language.values()) {
            if (language.code().equals(code)) {
                return language;
            }
        }
        return null;
    }

    /** Whether the text is a plain e-mail address (an addr-spec of a dot-atom at a domain name), at most 254 long. */
    static boolean isEmail(String text) {
        int at = text.lastIndexOf('@');
        if (text.length() > MAX_EMAIL || at < 1 || at > 64 || at == text.length() - 1) {
            return false;
        }
        String domain;
        try {
            domain = java.net.IDN.toASCII(text.substring(at + 1), java.net.IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return LOCAL_PART.matcher(text.substring(0, at)).matches()
                && DOMAIN.matcher(domain).matches();
    }

    private static String message(Exception e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return String.valueOf(cause.getMessage());
    }

    private static String abbreviated(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
