package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.FormSession;
import io.cairn.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Cairn killed with SIGKILL under load comes back by itself on the same data directory, with every incident it
 * acknowledged and an intact audit trail. Cairn runs as a process of its own, as in production, with durable
 * settings; its embedded PostgreSQL outlives it, as it does after a kill -9, and the restart must stop it.
 */
@Tag("integration")
@DisabledOnOs(OS.WINDOWS)
class CrashRestartTest {

    private static final Path DATA = Path.of("target/crash-test-db").toAbsolutePath();
    private static final String ADMIN_PASSWORD = "Crash-admin-password-1";
    private static final int WRITERS = 4;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopCairnAndItsDatabase() throws InterruptedException {
        for (Process cairn : started) {
            cairn.destroy();
            if (!cairn.waitFor(60, TimeUnit.SECONDS)) {
                cairn.destroyForcibly();
            }
        }
        LeftoverServer.stopIfRunning(DATA, LogFactory.getLog(CrashRestartTest.class));
    }

    @Test
    void aRestartAfterKill9UnderLoadComesUpByItselfWithEveryAcknowledgedIncidentAndAnIntactTrail() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        int port = FreePort.any();
        Process first = cairn(port);
        String token = new FormSession(port).signInAndIssueToken("admin", ADMIN_PASSWORD, "Chosen-crash-password-2");
        ApiClient api = new ApiClient(port, token);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int writer = 0; writer < WRITERS; writer++) {
            int number = writer;
            writers.execute(() -> report(api, number, acknowledged, killed));
        }
        awaitAtLeast(acknowledged, 100, Duration.ofSeconds(60));
        long postmaster = LeftoverServer.postmasterPid(DATA).orElseThrow();
        // SIGKILL, with the watchdog that would stop the database at once, as a kill of the process group does:
        // the database must be left running for the restart to find.
        CairnProcess.kill(first);
        killed.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(postmaster))
                .as("the database outlived Cairn")
                .get()
                .matches(ProcessHandle::isAlive);

        int again = FreePort.any();
        cairn(again);
        ApiClient restarted = new ApiClient(again, token);

        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(allIncidentIds(restarted)).containsAll(acknowledged);
        JsonNode verification = restarted.get("/api/v1/audit/verify").json();
        assertThat(verification.get("intact").asBoolean())
                .as(verification.toString())
                .isTrue();
    }

    /** Reports incidents until Cairn is killed, keeping the id of each one it acknowledged (201). */
    private static void report(ApiClient api, int writer, Set<String> acknowledged, AtomicBoolean killed) {
        for (int i = 0; !killed.get(); i++) {
            try {
                ApiClient.Answer answer = api.post(
                        "/api/v1/incidents",
                        Map.of(
                                "title",
                                "Crash " + writer + "-" + i,
                                "description",
                                "Reported under load before a kill -9",
                                "impact",
                                "medium",
                                "urgency",
                                "medium"));
                if (answer.status() == 201) {
                    acknowledged.add(answer.json().get("id").asString());
                }
            } catch (UncheckedIOException cutOff) {
                // the request in flight when Cairn died: never acknowledged
            }
        }
    }

    /** Starts Cairn as a process of its own and waits until it is up. */
    private Process cairn(int port) throws IOException, InterruptedException {
        Process cairn =
                CairnProcess.start(DATA, port, ADMIN_PASSWORD, DATA.resolveSibling("crash-test.log"), List.of());
        started.add(cairn);
        return cairn;
    }

    private static Set<String> allIncidentIds(ApiClient api) {
        Set<String> ids = new HashSet<>();
        String cursor = "";
        do {
            JsonNode page = api.get("/api/v1/incidents?size=200" + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(incident -> ids.add(incident.get("id").asString()));
            JsonNode next = page.path("nextCursor");
            cursor = next.isString() ? URLEncoder.encode(next.asString(), StandardCharsets.UTF_8) : "";
        } while (!cursor.isEmpty());
        return ids;
    }

    private static void awaitAtLeast(Set<String> acknowledged, int count, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(acknowledged).as("incidents acknowledged under load").hasSizeGreaterThanOrEqualTo(count);
    }
}
