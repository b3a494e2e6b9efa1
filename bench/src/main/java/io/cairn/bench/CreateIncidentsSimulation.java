package io.cairn.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop create load: {@code bench.users} virtual users (one keep-alive connection and one API token each) post
 * incidents back to back, with no pause, until {@code bench.seconds} have passed or {@code bench.maxRequests}
 * requests were sent. Started by {@link BenchmarkRun} in its own JVM.
 */
public class CreateIncidentsSimulation extends Simulation {

    private final int users = Integer.getInteger("bench.users", 8);
    private final long seconds = Long.getLong("bench.seconds", 60);
    private final long maxRequests = Long.getLong("bench.maxRequests", 200_000);
    private final String requestName = System.getProperty("bench.requestName", "create");
    private final AtomicLong issued = new AtomicLong();
    private volatile long deadline = Long.MAX_VALUE;

    public CreateIncidentsSimulation() {
        List<Map<String, Object>> clients = readClients(Path.of(System.getProperty("bench.clients")));
        HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.baseUrl"))
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .disableWarmUp();
        ScenarioBuilder create = scenario("create incidents")
                .feed(listFeeder(clients).circular())
                .exec(session -> session.set("random", new SplittableRandom(session.userId())))
                .asLongAs(session -> System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests)
                .on(exec(http(requestName).post("/api/v1/incidents")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody(session -> IncidentBodies.next(session.get("random"),
                                UUID.fromString(session.getString("team")))))
                        .check(status().is(201), responseTimeInMillis().saveAs(GatlingFigures.RESPONSE_TIME)))
                        .exec(session -> {
                            GatlingFigures.record(requestName, session.getLong(GatlingFigures.RESPONSE_TIME),
                                    session.isFailed());
                            return session.markAsSucceeded();
                        }));
        setUp(create.injectOpen(atOnceUsers(users))).protocols(protocol)
                .maxDuration(Duration.ofSeconds(seconds + 60));
    }

    @Override
    public void before() {
        deadline = System.nanoTime() + seconds * 1_000_000_000L;
    }

    @Override
    public void after() {
        GatlingFigures.write(Path.of(System.getProperty("bench.figures")));
    }

    static List<Map<String, Object>> readClients(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(line -> !line.isBlank())
                    .map(line -> line.split("\t"))
                    .map(parts -> Map.<String, Object>of("token", parts[0], "team", parts[1]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
