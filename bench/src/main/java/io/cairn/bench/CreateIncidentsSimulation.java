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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop create load: {@code bench.users} virtual users (one keep-alive connection and one API token each) post
 * incidents back to back, with no pause, through the phases of {@code bench.phases} ({@code name:seconds,...}, for
 * example a warm-up and three measured rounds), or until {@code bench.maxRequests} requests were sent. Each response
 * time is counted in the phase its request started in. When the first phase begins, the simulation writes the time
 * (epoch milliseconds) to {@code bench.started}, so that the runner can measure CPU per phase. Started by {@link
 * BenchmarkRun} in its own JVM.
 */
public class CreateIncidentsSimulation extends Simulation {

    /** A named stretch of the run. */
    record Phase(String name, long seconds) {}

    private final int users = Integer.getInteger("bench.users", 8);
    private final List<Phase> phases = Arrays.stream(System.getProperty("bench.phases", "create:60").split(","))
            .map(phase -> phase.split(":")).map(parts -> new Phase(parts[0], Long.parseLong(parts[1]))).toList();
    private final long maxRequests = Long.getLong("bench.maxRequests", 200_000);
    private final AtomicLong issued = new AtomicLong();
    private volatile long startNanos;
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
                .on(exec(http("create").post("/api/v1/incidents")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody(session -> IncidentBodies.next(session.get("random"),
                                UUID.fromString(session.getString("team")))))
                        .check(status().is(201), responseTimeInMillis().saveAs(GatlingFigures.RESPONSE_TIME)))
                        .exec(session -> {
                            long millis = session.getLong(GatlingFigures.RESPONSE_TIME);
                            GatlingFigures.record(phaseAt(System.nanoTime() - millis * 1_000_000), millis,
                                    session.isFailed());
                            return session.markAsSucceeded();
                        }));
        long seconds = phases.stream().mapToLong(Phase::seconds).sum();
        setUp(create.injectOpen(atOnceUsers(users))).protocols(protocol)
                .maxDuration(Duration.ofSeconds(seconds + 60));
    }

    /** The phase a request that started at {@code nanos} belongs to. */
    private String phaseAt(long nanos) {
        long elapsed = nanos - startNanos;
        long end = 0;
        for (Phase phase : phases) {
            end += phase.seconds() * 1_000_000_000L;
            if (elapsed < end) {
                return phase.name();
            }
        }
        return phases.get(phases.size() - 1).name();
    }

    @Override
    public void before() {
        startNanos = System.nanoTime();
        deadline = startNanos + phases.stream().mapToLong(Phase::seconds).sum() * 1_000_000_000L;
        String started = System.getProperty("bench.started");
        if (started != null) {
            try {
                Files.writeString(Path.of(started), Long.toString(System.currentTimeMillis()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
