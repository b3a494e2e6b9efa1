package io.cairn.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search of tests of instances talking to each other for what must not travel down a provider chain: what
 * identifies an instance ({@link #identifiersOf}), everything an instance holds and was sent ({@link #everythingAt}),
 * and the check that the one names nothing of the other.
 */
final class LeakSearch {

    private static final Pattern JWS = Pattern.compile("[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{20,}");

    private LeakSearch() {}

    /**
     * The identifiers of an instance: its name, base URL, host and port, signing key ids, and the ids of its
     * incidents, services, exchange, outbox messages and subscriptions.
     */
    static List<String> identifiersOf(CairnInstance instance) {
        JdbcClient jdbc = instance.bean(JdbcClient.class);
        List<String> ids = new ArrayList<>(List.of(
                instance.name(), instance.url(), "127.0.0.1:" + instance.port(), "localhost:" + instance.port()));
        for (String query : List.of(
                "select kid from federation_signing_key",
                "select exchange_id::text from federation_publication",
                "select id::text from incident",
                "select id::text from service",
                "select message_id::text from federation_outbox",
                "select id::text from federation_subscription",
                "select id::text from federation_upstream_subscription")) {
            ids.addAll(jdbc.sql(query).query(String.class).list());
        }
        return ids;
    }

    /**
     * Everything an instance stored and was sent, lower-cased: every table of its database as text, the method, URL
     * and headers of every federation request it received (when it records them, {@link RecordedRequests}), the
     * further texts given (what its API answered, say), and every JWS found in all of it decoded (header and payload).
     */
    static String everythingAt(CairnInstance instance, String... more) {
        JdbcClient jdbc = instance.bean(JdbcClient.class);
        StringBuilder all = new StringBuilder();
        List<String> tables = jdbc.sql("""
                        select quote_ident(table_schema) || '.' || quote_ident(table_name)
                        from information_schema.tables
                        where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'""").query(String.class).list();
        for (String table : tables) {
            all.append(jdbc.sql("select coalesce(string_agg(t::text, E'\\n'), '') from " + table + " t")
                            .query(String.class)
                            .single())
                    .append('\n');
        }
        RecordedRequests.at(instance.port()).forEach(all::append);
        for (String text : more) {
            all.append(text).append('\n');
        }
        Matcher jws = JWS.matcher(all.toString());
        StringBuilder decoded = new StringBuilder();
        while (jws.find()) {
            String[] parts = jws.group().split("\\.");
            decoded.append(decode(parts[0]))
                    .append('\n')
                    .append(decode(parts[1]))
                    .append('\n');
        }
        return (all + "\n" + decoded).toLowerCase(Locale.ROOT);
    }

    /** Fails when what was seen at {@code where} (from {@link #everythingAt}) holds an identifier of {@code upstream}. */
    static void assertNamesNothingOf(String seen, String where, CairnInstance upstream) {
        for (String identifier : identifiersOf(upstream)) {
            assertThat(seen.contains(identifier.toLowerCase(Locale.ROOT)))
                    .as("%s holds %s of %s", where, identifier, upstream.name())
                    .isFalse();
        }
    }

    private static String decode(String part) {
        try {
            return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
