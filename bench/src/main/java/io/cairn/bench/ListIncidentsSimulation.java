package io.cairn.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read load over the seeded incidents: for each named query kind in {@code bench.queries} (lines of
 * {@code name<TAB>path}), one after the other, {@code bench.users} virtual users each send {@code bench.requests}
 * requests back to back, cycling through that kind's paths. Every kind is measured under its own request name.
 */
public class ListIncidentsSimulation extends Simulation {

    public ListIncidentsSimulation() {
        int users = Integer.getInteger("bench.users", 2);
        int requests = Integer.getInteger("bench.requests", 500);
        String token = System.getProperty("bench.token");
        Map<String, List<Map<String, Object>>> kinds = readQueries(Path.of(System.getProperty("bench.queries")));
        HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl"))
                .acceptHeader("application/json")
                .header("Authorization", "Bearer " + token)
                .disableWarmUp();
        List<PopulationBuilder> populations = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> kind : kinds.entrySet()) {
            populations.add(scenario(kind.getKey())
                    .feed(listFeeder(kind.getValue()).circular())
                    .repeat(requests).on(exec(http(kind.getKey()).get("#{path}")
                            .check(status().is(200), responseTimeInMillis().saveAs(GatlingFigures.RESPONSE_TIME)))
                            .exec(session -> {
                                GatlingFigures.record(kind.getKey(), session.getLong(GatlingFigures.RESPONSE_TIME),
                                        session.isFailed());
                                return session.markAsSucceeded();
                            }))
                    .injectOpen(atOnceUsers(users)));
        }
        PopulationBuilder chain = populations.get(populations.size() - 1);
        for (int i = populations.size() - 2; i >= 0; i--) {
            chain = populations.get(i).andThen(chain);
        }
        setUp(chain).protocols(protocol).maxDuration(Duration.ofMinutes(20));
    }

    @Override
    public void after() {
        GatlingFigures.write(Path.of(System.getProperty("bench.figures")));
    }

    static Map<String, List<Map<String, Object>>> readQueries(Path file) {
        try {
            Map<String, List<Map<String, Object>>> kinds = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    String[] parts = line.split("\t", 2);
                    kinds.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Map.of("path", parts[1]));
                }
            }
            return kinds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
