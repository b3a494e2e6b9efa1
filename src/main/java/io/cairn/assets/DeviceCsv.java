package io.cairn.assets;

import io.cairn.identity.UserId;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import io.cairn.shared.SharedRefusals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file of devices read and checked line by line before anything is stored: the header names the columns
 * ({@code name}, {@code kind} and {@code identifier} required, {@code holder} and {@code since} optional), and every
 * problem is named by its line and column.
 */
final class DeviceCsv {

    private static final List<String> REQUIRED_COLUMNS = List.of("name", "kind", "identifier");
    private static final int MAX_LISTED_PROBLEMS = 100;

    /** One good line of the file, ready to store. */
    record Line(
            String name,
            DeviceKind kind,
            String identifier,
            @Nullable UserId holder,
            @Nullable Instant since) {}

    private final Function<String, Optional<UserId>> userByLoginName;
    private final Instant now;
    private final Map<String, Integer> seenIdentifiers = new HashMap<>();
    private final List<DeviceImport.LineProblem> problems = new ArrayList<>();

    private DeviceCsv(Function<String, Optional<UserId>> userByLoginName, Instant now) {
        this.userByLoginName = userByLoginName;
        this.now = now;
    }

    /**
     * The lines of a file, or a refusal naming every problem when any line is wrong.
     *
     * @param userByLoginName finds the holder named by a login name
     * @param now the moment a {@code since} may not lie after
     */
    static Outcome<List<Line>> read(String csv, Function<String, Optional<UserId>> userByLoginName, Instant now) {
        List<List<String>> records = CsvRecords.parse(csv);
        if (records.isEmpty() || records.get(0).isEmpty()) {
            return Outcome.refused(Refusal.invalid("file", AssetRefusals.EMPTY_FILE));
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        Optional<String> missing =
                REQUIRED_COLUMNS.stream().filter(c -> !columns.containsKey(c)).findFirst();
        if (missing.isPresent()) {
            return Outcome.refused(Refusal.invalid("file", AssetRefusals.MISSING_COLUMN, missing.get()));
        }
        return new DeviceCsv(userByLoginName, now).lines(records, columns);
    }

    private Outcome<List<Line>> lines(List<List<String>> records, Map<String, Integer> columns) {
        List<Line> lines = new ArrayList<>();
        for (int index = 1; index < records.size(); index++) {
            List<String> record = records.get(index);
            if (!record.isEmpty()) {
                line(index + 1, new Cells(record, columns)).ifPresent(lines::add);
            }
        }
        if (problems.isEmpty()) {
            return Outcome.done(lines);
        }
        return Outcome.refused(Refusal.of(
                Refusal.Kind.INVALID,
                problems.stream()
                        .limit(MAX_LISTED_PROBLEMS)
                        .map(p -> Refusal.FieldProblem.of(
                                "line " + p.line() + " " + p.column(), SharedRefusals.GIVEN_TEXT, p.message()))
                        .toList(),
                AssetRefusals.LINES_HAVE_PROBLEMS,
                String.valueOf(problems.size()),
                problems.get(0).toString()));
    }

    private Optional<Line> line(int line, Cells cells) {
        int before = problems.size();
        String name = cells.get("name");
        if (name.isEmpty() || name.length() > 200) {
            problem(line, "name", "must be 1 to 200 characters");
        }
        Optional<DeviceKind> kind = kind(line, cells.get("kind"));
        String identifier = identifier(line, cells.get("identifier"));
        @Nullable UserId holder = holder(line, cells.get("holder"));
        @Nullable Instant since = since(line, cells.get("since"));
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Line(name, kind.orElseThrow(), identifier, holder, since));
    }

    private Optional<DeviceKind> kind(int line, String text) {
        Optional<DeviceKind> kind = DeviceKind.find(text);
        if (kind.isEmpty()) {
            problem(
                    line,
                    "kind",
                    "'" + text + "' is not one of "
                            + Arrays.stream(DeviceKind.values())
                                    .map(DeviceKind::code)
                                    .toList());
        }
        return kind;
    }

    private String identifier(int line, String identifier) {
        if (identifier.isEmpty() || identifier.length() > 200) {
            problem(line, "identifier", "must be 1 to 200 characters");
            return identifier;
        }
        Integer earlier = seenIdentifiers.putIfAbsent(identifier.toLowerCase(Locale.ROOT), line);
        if (earlier != null) {
            problem(line, "identifier", "'" + identifier + "' is also on line " + earlier);
        }
        return identifier;
    }

    private @Nullable UserId holder(int line, String loginName) {
        if (loginName.isEmpty()) {
            return null;
        }
        Optional<UserId> user = userByLoginName.apply(loginName);
        if (user.isEmpty()) {
            problem(line, "holder", "no user has the login name '" + loginName + "'");
        }
        return user.orElse(null);
    }

    private @Nullable Instant since(int line, String text) {
        if (text.isEmpty()) {
            return null;
        }
        @Nullable Instant since = instant(text);
        if (since == null) {
            problem(line, "since", "'" + text + "' is not a date (2026-01-31) or a time (2026-01-31T09:00:00Z)");
        } else if (since.isAfter(now)) {
            problem(line, "since", "lies in the future");
        }
        return since;
    }

    private void problem(int line, String column, String message) {
        problems.add(new DeviceImport.LineProblem(line, column, message));
    }

    private static @Nullable Instant instant(String text) {
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The cells of one line, by column name; a missing cell is empty. */
    private record Cells(List<String> record, Map<String, Integer> columns) {

        String get(String column) {
            Integer index = columns.get(column);
            return index == null || index >= record.size()
                    ? ""
                    : record.get(index).trim();
        }
    }
}
