package io.cairn.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The query that finds earlier incidents resembling an incident, for recurrence detection: within a window before
 * it was reported, the incidents that concern the same asset, and those of the same category that contain most of
 * its significant words.
 *
 * <p>Each part is an index range, so that it stays fast over millions of incidents: the asset part reads
 * {@code incident_asset}; the text part reads {@code incident_category_reported} for the category and the window and
 * the GIN index {@code incident_search} for incidents sharing at least one significant word, and only those rows are
 * scored. Both parts are limited.
 */
class SimilarIncidents {

    /** The share of an incident's significant words another must contain to count as a similar text: 3 in 5. */
    static final int SHARE_NUMERATOR = 3;

    static final int SHARE_DENOMINATOR = 5;

    /** The most significant words compared; the longest are kept, as long words tend to be the rarer ones. */
    static final int MAX_WORDS = 24;

    /** Words too common in incident reports, English and Dutch, to say anything about likeness. */
    private static final Set<String> COMMON = Set.of(
            "about",
            "after",
            "again",
            "also",
            "been",
            "before",
            "being",
            "could",
            "does",
            "from",
            "have",
            "into",
            "just",
            "like",
            "more",
            "only",
            "other",
            "over",
            "some",
            "than",
            "that",
            "their",
            "them",
            "then",
            "there",
            "these",
            "they",
            "this",
            "were",
            "what",
            "when",
            "which",
            "while",
            "with",
            "would",
            "your",
            "zijn",
            "niet",
            "maar",
            "heeft",
            "hebben",
            "voor",
            "door",
            "naar",
            "deze",
            "omdat",
            "werd",
            "wordt",
            "worden",
            "onze",
            "jullie",
            "incident",
            "please");

    /** Words in more than this share of incidents are too common to tell incidents apart. */
    static final double COMMON_SHARE = 0.01;

    /** How long the database's word statistics are reused before they are read again. */
    private static final Duration STATISTICS_LIFETIME = Duration.ofMinutes(5);

    private static volatile WordStatistics statistics = new WordStatistics(Map.of(), Instant.EPOCH);

    private static final Pattern LEXEME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@-]*");

    private final JdbcClient jdbc;

    SimilarIncidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The earlier incidents like this one, most alike first, at most {@code limit}; empty for an unknown id. */
    List<SimilarIncident> like(IncidentId id, Duration window, int limit) {
        Optional<Subject> found = jdbc.sql("""
                select asset_id, category_class, category_type, reported_at, tsvector_to_array(search) as words
                from incident where id = :id""")
                .param("id", id.value())
                .query((rs, row) -> new Subject(
                        rs.getObject("asset_id", UUID.class),
                        rs.getString("category_class"),
                        rs.getString("category_type"),
                        rs.getTimestamp("reported_at").toInstant(),
                        significant((String[]) rs.getArray("words").getArray(), commonWords())))
                .optional();
        if (found.isEmpty() || limit < 1) {
            return List.of();
        }
        Subject subject = found.get();
        Map<UUID, SimilarIncident> similar = new LinkedHashMap<>();
        if (subject.asset() != null) {
            sameAsset(id, subject, window, limit, similar);
        }
        if (!subject.words().isEmpty()) {
            similarText(id, subject, window, limit, similar);
        }
        return similar.values().stream()
                .sorted(Comparator.comparingDouble(SimilarIncident::score)
                        .reversed()
                        .thenComparing(SimilarIncident::reportedAt, Comparator.reverseOrder()))
                .limit(limit)
                .toList();
    }

    /** Adds the incidents about the subject's asset reported in the window before it. */
    private void sameAsset(
            IncidentId id, Subject subject, Duration window, int limit, Map<UUID, SimilarIncident> similar) {
        jdbc.sql("""
                select id, number, title, reported_at from incident
                where asset_id = :asset and reported_at >= :from and reported_at < :until and id <> :id
                order by reported_at desc limit :limit""")
                .param("asset", subject.asset())
                .param("from", subject.from(window))
                .param("until", subject.until())
                .param("id", id.value())
                .param("limit", limit)
                .query((rs, row) -> similar.put(
                        rs.getObject("id", UUID.class),
                        new SimilarIncident(
                                new IncidentId(rs.getObject("id", UUID.class)),
                                IncidentView.referenceOf(rs.getLong("number")),
                                rs.getString("title"),
                                rs.getTimestamp("reported_at").toInstant(),
                                List.of(SimilarIncident.SAME_ASSET),
                                1.0)))
                .list();
    }

    /**
     * Adds the incidents of the subject's category reported in the window before it that hold most of its
     * significant words; one about the same asset too is alike for both reasons.
     */
    private void similarText(
            IncidentId id, Subject subject, Duration window, int limit, Map<UUID, SimilarIncident> similar) {
        int count = subject.words().size();
        int needed = (SHARE_NUMERATOR * count + SHARE_DENOMINATOR - 1) / SHARE_DENOMINATOR;
        // An incident holding at least `needed` of the words holds at least one of any count - needed + 1 of
        // them: the index finds those by the longest (likely rarest) words, and only they are counted.
        List<String> anyOfThese = subject.words().subList(0, count - needed + 1);
        jdbc.sql("""
                select id, number, title, reported_at, matched from (
                    select i.id, i.number, i.title, i.reported_at,
                           (select count(*) from unnest(tsvector_to_array(i.search)) as w(word)
                            where w.word = any(:words)) as matched
                    from incident i
                    where i.category_class = :class and i.category_type = :type
                      and i.reported_at >= :from and i.reported_at < :until and i.id <> :id
                      and i.search @@ cast(:query as tsquery)) as candidate
                where matched >= :needed
                order by matched desc, reported_at desc limit :limit""")
                .param("words", subject.words().toArray(String[]::new))
                .param("class", subject.categoryClass())
                .param("type", subject.categoryType())
                .param("from", subject.from(window))
                .param("until", subject.until())
                .param("id", id.value())
                .param("query", anyOf(anyOfThese))
                .param("needed", needed)
                .param("limit", limit)
                .query((rs, row) -> similar.merge(
                        rs.getObject("id", UUID.class), textAlike(rs, count), SimilarIncidents::alikeForBoth))
                .list();
    }

    /** An incident of a similar text, scored by the share of the subject's {@code count} words it holds. */
    private static SimilarIncident textAlike(ResultSet rs, int count) throws SQLException {
        return new SimilarIncident(
                new IncidentId(rs.getObject("id", UUID.class)),
                IncidentView.referenceOf(rs.getLong("number")),
                rs.getString("title"),
                rs.getTimestamp("reported_at").toInstant(),
                List.of(SimilarIncident.SIMILAR_TEXT),
                rs.getDouble("matched") / count);
    }

    /** An incident about the same asset that holds a similar text too: alike for both reasons, fully. */
    private static SimilarIncident alikeForBoth(SimilarIncident sameAsset, SimilarIncident similarText) {
        return new SimilarIncident(
                sameAsset.id(),
                sameAsset.reference(),
                sameAsset.title(),
                sameAsset.reportedAt(),
                List.of(SimilarIncident.SAME_ASSET, SimilarIncident.SIMILAR_TEXT),
                1.0);
    }

    /**
     * The words of a search vector that say something, rarest first, at most {@link #MAX_WORDS}: long enough, not a
     * common word of the language, and in at most {@link #COMMON_SHARE} of the incidents by the database's own
     * statistics of the search vector; words the statistics do not list are rarer than those it does, and among
     * them the longest come first.
     */
    static List<String> significant(String[] lexemes, Map<String, Double> frequencies) {
        return Arrays.stream(lexemes)
                .filter(word -> word.length() >= 4
                        && !COMMON.contains(word)
                        && LEXEME.matcher(word).matches()
                        && !word.chars().allMatch(Character::isDigit)
                        && frequencies.getOrDefault(word, 0.0) <= COMMON_SHARE)
                .distinct()
                .sorted(Comparator.<String>comparingDouble(word -> frequencies.getOrDefault(word, 0.0))
                        .thenComparing(Comparator.comparingInt(String::length).reversed())
                        .thenComparing(Comparator.naturalOrder()))
                .limit(MAX_WORDS)
                .toList();
    }

    /**
     * How often the most common words occur in incidents, from the statistics ANALYZE keeps of the search vector
     * ({@code pg_stats.most_common_elems}); read at most every few minutes.
     */
    private Map<String, Double> commonWords() {
        WordStatistics known = statistics;
        if (known.readAt().plus(STATISTICS_LIFETIME).isAfter(Instant.now())) {
            return known.frequencies();
        }
        Map<String, Double> frequencies = new java.util.HashMap<>();
        jdbc.sql("""
                select most_common_elems::text::text[] as words, most_common_elem_freqs as shares from pg_stats
                where schemaname = current_schema() and tablename = 'incident' and attname = 'search'""")
                .query((rs, row) -> {
                    java.sql.Array words = rs.getArray("words");
                    java.sql.Array shares = rs.getArray("shares");
                    if (words != null && shares != null) {
                        String[] lexemes = (String[]) words.getArray();
                        Float[] share = (Float[]) shares.getArray();
                        for (int i = 0; i < lexemes.length && i < share.length; i++) {
                            frequencies.put(lexemes[i], share[i].doubleValue());
                        }
                    }
                    return 0;
                })
                .list();
        statistics = new WordStatistics(Map.copyOf(frequencies), Instant.now());
        return statistics.frequencies();
    }

    private record WordStatistics(Map<String, Double> frequencies, Instant readAt) {}

    /** A query matching any of the words, written as lexemes so that PostgreSQL does not parse them again. */
    private static String anyOf(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String word : words) {
            quoted.add("'" + word.replace("\\", "\\\\").replace("'", "''") + "'");
        }
        return String.join(" | ", quoted);
    }

    /** The incident whose likes are sought: its asset, category, time of report and significant words. */
    private record Subject(
            @org.jspecify.annotations.Nullable UUID asset,
            String categoryClass,
            String categoryType,
            Instant reportedAt,
            List<String> words) {

        /** The start of the window before the report. */
        Timestamp from(Duration window) {
            return Timestamp.from(reportedAt.minus(window));
        }

        /** The end of the window: the report itself. */
        Timestamp until() {
            return Timestamp.from(reportedAt);
        }
    }
}
