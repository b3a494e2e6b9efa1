package io.cairn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads many incidents into a Cairn database with PostgreSQL {@code COPY}, with a realistic spread: mostly closed
 * (about 5 % open across the phases), 20 teams in 8 business units, every RSIT class and type, impact and urgency
 * giving the priority of the default 3x3 matrix, titles and descriptions from a vocabulary, reported over about three
 * years, owners among 200 staff users and reporters among 2,000 users.
 *
 * <p>It creates the business units, teams and users it refers to (or reuses those with the same names), reserves
 * incident numbers from {@code incident_number_seq}, and ends with {@code VACUUM ANALYZE incident}. Seeded incidents
 * have no timeline entries and no audit records: they stand for history, not for changes made through Cairn.
 *
 * <pre>
 * java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.cairn.bench.Seed \
 *     --url jdbc:postgresql://127.0.0.1:5432/cairn --user cairn --password secret --count 1000000
 * </pre>
 */
public final class Seed {

    static final String[] BUSINESS_UNITS = {"Retail Banking", "Corporate Banking", "Operations", "Group IT",
        "Human Resources", "Legal and Compliance", "Marketing", "Research"};
    static final String[] TEAMS = {"SOC Tier 1", "SOC Tier 2", "CSIRT", "Threat Intelligence",
        "Vulnerability Management", "Identity and Access", "Network Security", "Cloud Security", "Endpoint Security",
        "Forensics", "Fraud Response", "Privacy Office", "Application Security", "OT Security", "Email Security",
        "Data Protection", "Red Team", "Compliance Monitoring", "Infrastructure Operations", "Service Desk"};
    static final int STAFF = 200;
    static final int REPORTERS = 1_800;

    /** RSIT class, type, relative frequency. */
    static final Object[][] CATEGORIES = {
        {"abusive-content", "spam", 60}, {"abusive-content", "harmful-speech", 4}, {"abusive-content", "violence", 1},
        {"malicious-code", "infected-system", 90}, {"malicious-code", "c2-server", 15},
        {"malicious-code", "malware-distribution", 8}, {"malicious-code", "malware-configuration", 3},
        {"information-gathering", "scanner", 50}, {"information-gathering", "sniffing", 2},
        {"information-gathering", "social-engineering", 15},
        {"intrusion-attempts", "ids-alert", 45}, {"intrusion-attempts", "brute-force", 35},
        {"intrusion-attempts", "exploit", 20},
        {"intrusions", "privileged-account-compromise", 6}, {"intrusions", "unprivileged-account-compromise", 40},
        {"intrusions", "application-compromise", 6}, {"intrusions", "system-compromise", 8},
        {"intrusions", "burglary", 10},
        {"availability", "dos", 6}, {"availability", "ddos", 10}, {"availability", "misconfiguration", 25},
        {"availability", "sabotage", 1}, {"availability", "outage", 20},
        {"information-content-security", "unauthorised-information-access", 15},
        {"information-content-security", "unauthorised-information-modification", 4},
        {"information-content-security", "data-loss", 25}, {"information-content-security", "data-leak", 12},
        {"fraud", "unauthorised-use-of-resources", 5}, {"fraud", "copyright", 3}, {"fraud", "masquerade", 10},
        {"fraud", "phishing", 230},
        {"vulnerable", "weak-crypto", 6}, {"vulnerable", "ddos-amplifier", 2},
        {"vulnerable", "potentially-unwanted-accessible", 8}, {"vulnerable", "information-disclosure", 6},
        {"vulnerable", "vulnerable-system", 40},
        {"other", "other", 15}, {"other", "undetermined", 20}, {"test", "test", 2}};

    /** The default priority matrix: impact level x urgency level (1 = high) to priority level (1 = P1). */
    static final int[][] MATRIX = {{1, 2, 3}, {2, 3, 4}, {3, 4, 4}};

    /** Status and its share in thousandths: 95 % ended, 5 % open across the phases. */
    private static final Object[][] STATUSES = {{"CLOSED", 880}, {"DISMISSED", 70}, {"NEW", 8}, {"TRIAGE", 10},
        {"ANALYSIS", 10}, {"CONTAINMENT", 7}, {"ERADICATION", 5}, {"RECOVERY", 5}, {"REVIEW", 5}};
    private static final List<String> PHASES = List.of("NEW", "TRIAGE", "ANALYSIS", "CONTAINMENT", "ERADICATION",
            "RECOVERY", "REVIEW", "CLOSED");
    private static final List<String> RESOLUTIONS = List.of("Malicious mail removed from all mailboxes and sender "
            + "blocked.", "Host reimaged and credentials reset.", "False alarm after analysis of the logs.",
            "Vulnerability patched and verified by a rescan.", "Account secured with new password and MFA.",
            "Device wiped remotely and reported to the police.", "Firewall rule added and monitoring extended.");
    private static final List<String> DISMISSALS = List.of("Duplicate of an earlier report.",
            "Not a security incident: a planned change.", "False positive of the detection rule.");
    private static final String COLUMNS = "id, number, title, description, category_class, category_type, "
            + "determination, severity, impact, urgency, priority, tlp, pap, reporter_id, owner_id, team_id, "
            + "business_unit_id, confidential, status, resolution, dismissal_reason, merged_into, occurred_at, "
            + "detected_at, reported_at, acknowledged_at, contained_at, recovered_at, closed_at, updated_at, "
            + "detection_source, detected_by, responded_at, eradicated_at, version";

    /** What to load and where. */
    public record Options(String url, String user, String password, long count, int loaders, long randomSeed) {}

    /** What was loaded. */
    public record Result(long incidents, Duration incidentsTime, Duration vacuumTime, Duration total,
            Directory directory) {}

    /** The business units, teams and users the incidents refer to. */
    public record Directory(List<UUID> businessUnits, List<UUID> teams, Map<UUID, UUID> teamUnit,
            List<List<UUID>> teamMembers, List<UUID> reporters) {}

    private Seed() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("url")) {
            System.err.println("usage: Seed --url jdbc:postgresql://host:port/db [--user u] [--password p] "
                    + "[--count 1000000] [--loaders 2] [--seed 42]");
            System.exit(2);
        }
        Result result = seed(new Options(options.get("url"), options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", ""), Long.parseLong(options.getOrDefault("count", "1000000")),
                Integer.parseInt(options.getOrDefault("loaders", "2")),
                Long.parseLong(options.getOrDefault("seed", "42"))));
        System.out.printf("seeded %,d incidents in %.1f s (COPY %.1f s, VACUUM ANALYZE %.1f s)%n",
                result.incidents(), result.total().toMillis() / 1000.0, result.incidentsTime().toMillis() / 1000.0,
                result.vacuumTime().toMillis() / 1000.0);
    }

    public static Result seed(Options options) throws Exception {
        long started = System.nanoTime();
        Directory directory;
        long firstNumber;
        try (Connection connection = connect(options)) {
            directory = directory(connection, new SplittableRandom(options.randomSeed()));
            firstNumber = reserveNumbers(connection, options.count());
        }
        long copyStarted = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(options.loaders());
        try {
            List<Future<Long>> loads = new ArrayList<>();
            long perLoader = (options.count() + options.loaders() - 1) / options.loaders();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int k = 0; k < options.loaders(); k++) {
                long from = k * perLoader;
                long to = Math.min(options.count(), from + perLoader);
                long seed = options.randomSeed() + 1 + k;
                loads.add(pool.submit(() -> load(options, directory, firstNumber + from, to - from, now, seed)));
            }
            for (Future<Long> load : loads) {
                load.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Duration copyTime = Duration.ofNanos(System.nanoTime() - copyStarted);
        long vacuumStarted = System.nanoTime();
        try (Connection connection = connect(options); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum (analyze) incident");
            // A vacuum can mark a page all-visible only when no transaction that began before the load ended is
            // still running; a running Cairn's background work may hold one open for a moment. Seeded incidents
            // stand for a long-vacuumed history, whose list pages are read from the index alone.
            for (int attempt = 0; attempt < 5 && allVisibleShare(statement) < 0.99; attempt++) {
                Thread.sleep(5_000);
                statement.execute("vacuum incident");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration vacuumTime = Duration.ofNanos(System.nanoTime() - vacuumStarted);
        return new Result(options.count(), copyTime, vacuumTime, Duration.ofNanos(System.nanoTime() - started),
                directory);
    }

    private static Connection connect(Options options) throws SQLException {
        return DriverManager.getConnection(options.url(), options.user(), options.password());
    }

    /** The share of the incident table's pages that the visibility map marks all-visible. */
    private static double allVisibleShare(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery(
                "select relallvisible::float8 / greatest(relpages, 1) from pg_class where relname = 'incident'")) {
            row.next();
            return row.getDouble(1);
        }
    }

    /** Moves the incident number sequence past the numbers this load uses; returns the first of them. */
    private static long reserveNumbers(Connection connection, long count) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet last = statement.executeQuery("select setval('incident_number_seq', "
                        + "nextval('incident_number_seq') + " + (count - 1) + ")")) {
            last.next();
            return last.getLong(1) - count + 1;
        }
    }

    // --- business units, teams and users ---------------------------------------------------------------------------

    static Directory directory(Connection connection, SplittableRandom random) throws SQLException {
        connection.setAutoCommit(false);
        List<UUID> units = new ArrayList<>();
        for (String name : BUSINESS_UNITS) {
            units.add(upsert(connection, "business_unit", name, "insert into business_unit "
                    + "(id, name, description, version) values (?, ?, 'Seeded for benchmarks', 0) on conflict do nothing",
                    null));
        }
        List<UUID> teams = new ArrayList<>();
        Map<UUID, UUID> teamUnit = new LinkedHashMap<>();
        for (int t = 0; t < TEAMS.length; t++) {
            UUID unit = units.get(t % units.size());
            UUID team = upsert(connection, "team", TEAMS[t], "insert into team (id, name, description, "
                    + "business_unit_id, version) values (?, ?, 'Seeded for benchmarks', ?, 0) on conflict do nothing",
                    unit);
            teams.add(team);
            teamUnit.put(team, unit);
        }
        List<List<UUID>> members = new ArrayList<>();
        teams.forEach(team -> members.add(new ArrayList<>()));
        for (int u = 0; u < STAFF; u++) {
            int team = u % teams.size();
            String role = u % 13 == 0 ? "COORDINATOR" : u % 29 == 0 ? "PRIVACY_OFFICER" : "HANDLER";
            UUID user = user(connection, "seed.staff." + String.format("%03d", u), units.get(team % units.size()),
                    List.of(role), List.of(teams.get(team)), random);
            members.get(team).add(user);
        }
        List<UUID> reporters = new ArrayList<>();
        for (int u = 0; u < REPORTERS; u++) {
            reporters.add(user(connection, "seed.user." + String.format("%04d", u),
                    units.get(random.nextInt(units.size())), List.of("REPORTER"), List.of(), random));
        }
        members.forEach(reporters::addAll);
        connection.commit();
        connection.setAutoCommit(true);
        return new Directory(units, teams, teamUnit, members, reporters);
    }

    private static UUID upsert(Connection connection, String table, String name, String insert, UUID unit)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, name);
            if (unit != null) {
                statement.setObject(3, unit);
            }
            statement.executeUpdate();
        }
        try (PreparedStatement find = connection.prepareStatement("select id from " + table
                + " where lower(name) = lower(?)")) {
            find.setString(1, name);
            try (ResultSet row = find.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    /** A user who cannot sign in (a random bcrypt hash), with roles and teams; reused when the name exists. */
    private static UUID user(Connection connection, String username, UUID unit, List<String> roles, List<UUID> teams,
            SplittableRandom random) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "select id from app_user where lower(username) = lower(?)")) {
            find.setString(1, username);
            try (ResultSet row = find.executeQuery()) {
                if (row.next()) {
                    return row.getObject(1, UUID.class);
                }
            }
        }
        UUID id = UUID.randomUUID();
        String first = Vocabulary.pick(Vocabulary.FIRST_NAMES, random);
        String last = Vocabulary.pick(Vocabulary.LAST_NAMES, random);
        try (PreparedStatement insert = connection.prepareStatement("insert into app_user (id, username, "
                + "display_name, email, password_hash, must_change_password, enabled, business_unit_id, created_at, "
                + "version) values (?, ?, ?, ?, ?, true, true, ?, ?, 0)")) {
            insert.setObject(1, id);
            insert.setString(2, username);
            insert.setString(3, first + " " + last);
            insert.setString(4, username + "@example.org");
            insert.setString(5, unusablePasswordHash(random));
            insert.setObject(6, unit);
            insert.setTimestamp(7, Timestamp.from(Instant.now().minus(Duration.ofDays(1200))));
            insert.executeUpdate();
        }
        for (String role : roles) {
            try (PreparedStatement grant = connection.prepareStatement(
                    "insert into user_role (user_id, role) values (?, ?)")) {
                grant.setObject(1, id);
                grant.setString(2, role);
                grant.executeUpdate();
            }
        }
        for (UUID team : teams) {
            try (PreparedStatement member = connection.prepareStatement(
                    "insert into team_member (user_id, team_id) values (?, ?)")) {
                member.setObject(1, id);
                member.setObject(2, team);
                member.executeUpdate();
            }
        }
        return id;
    }

    /** A well-formed bcrypt hash of a password nobody knows. */
    private static String unusablePasswordHash(SplittableRandom random) {
        String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder hash = new StringBuilder("{bcrypt}$2a$10$");
        for (int i = 0; i < 53; i++) {
            hash.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return hash.toString();
    }

    // --- incidents ---------------------------------------------------------------------------------------------------

    private static long load(Options options, Directory directory, long firstNumber, long count, Instant now,
            long seed) throws SQLException, IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double[] teamWeights = teamWeights(directory.teams().size());
        int categoryTotal = 0;
        for (Object[] category : CATEGORIES) {
            categoryTotal += (Integer) category[2];
        }
        try (Connection connection = connect(options)) {
            connection.setAutoCommit(false);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy incident (" + COLUMNS + ") from stdin (format text)");
            StringBuilder rows = new StringBuilder(1 << 20);
            try {
                for (long i = 0; i < count; i++) {
                    row(rows, firstNumber + i, directory, teamWeights, categoryTotal, now, random);
                    if (rows.length() > (1 << 20) - 4096) {
                        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        rows.setLength(0);
                    }
                }
                byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                long copied = copy.endCopy();
                connection.commit();
                return copied;
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }

    /** Teams differ in size: the largest gets about five times the incidents of the smallest. */
    private static double[] teamWeights(int teams) {
        double[] cumulative = new double[teams];
        double sum = 0;
        for (int t = 0; t < teams; t++) {
            sum += 1.0 / Math.pow(t + 1, 0.55);
            cumulative[t] = sum;
        }
        for (int t = 0; t < teams; t++) {
            cumulative[t] /= sum;
        }
        return cumulative;
    }

    private static void row(StringBuilder out, long number, Directory directory, double[] teamWeights,
            int categoryTotal, Instant now, SplittableRandom random) {
        String status = weighted(STATUSES, 1000, random);
        boolean open = !status.equals("CLOSED") && !status.equals("DISMISSED");
        Object[] category = category(categoryTotal, random);
        String rsitClass = (String) category[0];
        String rsitType = (String) category[1];
        int impact = level(random, 15, 35);
        int urgency = level(random, 20, 40);
        int priority = MATRIX[impact - 1][urgency - 1];
        String severity = switch (priority) {
            case 1 -> random.nextInt(3) == 0 ? "CRITICAL" : "HIGH";
            case 2 -> random.nextInt(3) == 0 ? "HIGH" : "MEDIUM";
            case 3 -> random.nextInt(5) == 0 ? "LOW" : "MEDIUM";
            default -> random.nextInt(4) == 0 ? "MEDIUM" : "LOW";
        };
        String determination = switch (status) {
            case "NEW", "TRIAGE" -> "SUSPECTED";
            case "DISMISSED" -> "FALSE_POSITIVE";
            case "CLOSED" -> random.nextInt(5) == 0 ? "FALSE_POSITIVE" : "CONFIRMED";
            default -> "CONFIRMED";
        };
        int t = team(teamWeights, random);
        UUID team = directory.teams().get(t);
        List<UUID> members = directory.teamMembers().get(t);
        UUID owner = status.equals("NEW") || status.equals("TRIAGE") && random.nextBoolean() ? null
                : members.get(random.nextInt(members.size()));
        UUID unit = random.nextInt(10) < 7 ? directory.teamUnit().get(team)
                : directory.businessUnits().get(random.nextInt(directory.businessUnits().size()));
        UUID reporter = directory.reporters().get(random.nextInt(directory.reporters().size()));

        // Open incidents are recent; the rest spread over three years, more of them lately.
        long span = open ? Duration.ofDays(60).toSeconds() : Duration.ofDays(3 * 365).toSeconds();
        double age = open ? random.nextDouble() : Math.pow(random.nextDouble(), 1.3);
        Instant reported = now.minusSeconds((long) (age * span) + 600 + random.nextInt(60));
        Instant occurred = random.nextInt(10) < 8 ? reported.minusSeconds(random.nextInt(48 * 3600)) : null;
        Instant detected = occurred != null && random.nextInt(10) < 9
                ? occurred.plusSeconds(random.nextLong(Math.max(1, Duration.between(occurred, reported).toSeconds())))
                : null;
        int phase = PHASES.indexOf(status.equals("DISMISSED") ? "TRIAGE" : status);
        Instant acknowledged = phase >= 1 ? bounded(reported.plusSeconds(60 + random.nextInt(4 * 3600)), now) : null;
        Instant responded = phase >= 2 ? bounded(acknowledged.plusSeconds(60 + random.nextInt(2 * 3600)), now) : null;
        Instant contained = phase >= 4 ? bounded(responded.plusSeconds(3600 + random.nextInt(3 * 86_400)), now)
                : null;
        Instant eradicated = phase >= 5 ? bounded(contained.plusSeconds(1800 + random.nextInt(2 * 86_400)), now)
                : null;
        Instant recovered = phase >= 6 ? bounded(eradicated.plusSeconds(3600 + random.nextInt(3 * 86_400)), now)
                : null;
        Instant closed = status.equals("CLOSED")
                ? bounded(recovered.plusSeconds(3600 + random.nextInt(10 * 86_400)), now)
                : status.equals("DISMISSED") ? bounded(acknowledged.plusSeconds(random.nextInt(86_400)), now) : null;
        Instant updated = latest(reported, acknowledged, responded, contained, eradicated, recovered, closed);

        UUID id = new UUID(random.nextLong(), random.nextLong());
        field(out, id.toString());
        field(out, Long.toString(number));
        field(out, Vocabulary.title(rsitClass, rsitType, random));
        field(out, Vocabulary.description(rsitClass, rsitType, random));
        field(out, rsitClass);
        field(out, rsitType);
        field(out, determination);
        field(out, severity);
        field(out, Integer.toString(impact));
        field(out, Integer.toString(urgency));
        field(out, Integer.toString(priority));
        field(out, weightedTlp(random));
        field(out, weightedPap(random));
        field(out, reporter.toString());
        field(out, owner);
        field(out, team.toString());
        field(out, unit.toString());
        field(out, random.nextInt(100) < 3 ? "t" : "f");
        field(out, status);
        field(out, status.equals("CLOSED") ? Vocabulary.pick(RESOLUTIONS, random) : null);
        field(out, status.equals("DISMISSED") ? Vocabulary.pick(DISMISSALS, random) : null);
        field(out, null);
        field(out, occurred);
        field(out, detected);
        field(out, reported);
        field(out, acknowledged);
        field(out, contained);
        field(out, recovered);
        field(out, closed);
        field(out, updated);
        String[] detection = detection(rsitClass, random);
        field(out, detection[0]);
        field(out, detection[1]);
        field(out, responded);
        field(out, eradicated);
        out.append(phase + 1).append('\n');
    }

    /** The tools, people and outsiders that detect incidents (MET-5), by source. */
    private static final List<String> TOOLS = List.of("EDR", "SIEM correlation rule", "IDS", "Mail gateway",
            "DLP", "Vulnerability scanner", "Cloud posture monitor");
    private static final List<String> OUTSIDERS = List.of("Customer", "Cloud provider", "National CSIRT",
            "Police", "Security researcher");

    /**
     * How an incident was detected: by a system (most malware, scans and intrusion attempts), by staff (most phishing
     * and lost devices), or from outside; about 3 % unknown, as incidents from before the source was recorded.
     */
    private static String[] detection(String rsitClass, SplittableRandom random) {
        int draw = random.nextInt(100);
        if (draw < 3) {
            return new String[] {null, null};
        }
        int automated = switch (rsitClass) {
            case "malicious-code", "information-gathering", "intrusion-attempts", "vulnerable" -> 85;
            case "fraud", "abusive-content" -> 35;
            default -> 55;
        };
        if (draw < automated) {
            return new String[] {"AUTOMATED", Vocabulary.pick(TOOLS, random)};
        }
        return draw < automated + (100 - automated) * 3 / 4
                ? new String[] {"INTERNAL_HUMAN", "Staff member"}
                : new String[] {"EXTERNAL", Vocabulary.pick(OUTSIDERS, random)};
    }

    private static Instant bounded(Instant instant, Instant now) {
        return instant.isAfter(now) ? now.minusSeconds(1) : instant;
    }

    private static Instant latest(Instant... instants) {
        Instant latest = instants[0];
        for (Instant instant : instants) {
            if (instant != null && instant.isAfter(latest)) {
                latest = instant;
            }
        }
        return latest;
    }

    /** Level 1 (high) with {@code high} percent, 2 with {@code medium} percent, else 3. */
    private static int level(SplittableRandom random, int high, int medium) {
        int draw = random.nextInt(100);
        return draw < high ? 1 : draw < high + medium ? 2 : 3;
    }

    private static String weighted(Object[][] values, int total, SplittableRandom random) {
        int draw = random.nextInt(total);
        for (Object[] value : values) {
            draw -= (Integer) value[1];
            if (draw < 0) {
                return (String) value[0];
            }
        }
        return (String) values[values.length - 1][0];
    }

    private static Object[] category(int total, SplittableRandom random) {
        int draw = random.nextInt(total);
        for (Object[] category : CATEGORIES) {
            draw -= (Integer) category[2];
            if (draw < 0) {
                return category;
            }
        }
        return CATEGORIES[CATEGORIES.length - 1];
    }

    private static int team(double[] cumulative, SplittableRandom random) {
        double draw = random.nextDouble();
        for (int t = 0; t < cumulative.length; t++) {
            if (draw < cumulative[t]) {
                return t;
            }
        }
        return cumulative.length - 1;
    }

    private static String weightedTlp(SplittableRandom random) {
        int draw = random.nextInt(100);
        return draw < 60 ? "AMBER" : draw < 80 ? "GREEN" : draw < 88 ? "CLEAR" : draw < 95 ? "AMBER_STRICT" : "RED";
    }

    private static String weightedPap(SplittableRandom random) {
        int draw = random.nextInt(100);
        return draw < 60 ? "AMBER" : draw < 85 ? "GREEN" : draw < 95 ? "CLEAR" : "RED";
    }

    private static void field(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
        out.append('\t');
    }
}
