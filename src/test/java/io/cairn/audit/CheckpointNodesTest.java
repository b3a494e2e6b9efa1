package io.cairn.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several nodes on one database sign each checkpoint once and each keeps every checkpoint in its own log; the
 * checkpoints reach a configured URL in order, each once, over real HTTP.
 */
@OwnTrail
class CheckpointNodesTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    InstanceKey key;

    @Autowired
    Checkpoints thisNode;

    @Autowired
    CheckpointLog thisNodesLog;

    @Autowired
    Clock clock;

    private void reportSome(int count) {
        ApiClient handler = client(users.user("handler", Set.of(Role.HANDLER)));
        for (int i = 0; i < count; i++) {
            assertThat(handler.post("/api/v1/incidents", Map.of("title", "Node test " + i, "description", "d"))
                            .status())
                    .isEqualTo(201);
        }
    }

    private AuditSettings settingsOfAnotherNode(@org.jspecify.annotations.Nullable URI url) throws IOException {
        Path directory = Files.createTempDirectory(Path.of("target"), "other-node-");
        return new AuditSettings(directory, null, null, null, url, Duration.ofSeconds(5));
    }

    @Test
    void twoNodesSignEachCheckpointOnceAndBothLogsHoldThemAll() throws Exception {
        AuditSettings other = settingsOfAnotherNode(null);
        CheckpointLog otherLog = new CheckpointLog(other);
        Checkpoints otherNode = new Checkpoints(
                jdbc, transactions, key, otherLog, new CheckpointPublisher(other, jdbc, transactions, clock), clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 4; round++) {
                reportSome(3);
                List<Future<Outcome<Optional<Checkpoint>>>> signing = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Checkpoints node = i % 2 == 0 ? thisNode : otherNode;
                    boolean wait = i < 2;
                    signing.add(pool.submit(() -> node.sign(wait)));
                }
                for (Future<Outcome<Optional<Checkpoint>>> signed : signing) {
                    assertThat(signed.get()).isInstanceOf(Outcome.Done.class);
                }
            }
        } finally {
            pool.shutdown();
        }
        thisNode.copyIntoLog();
        otherNode.copyIntoLog();

        List<Long> stored = jdbc.sql("select size from audit_checkpoint order by size")
                .query(Long.class)
                .list();
        assertThat(stored).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);
        assertThat(sizes(otherLog)).isEqualTo(stored);
        assertThat(sizes(thisNodesLog)).isEqualTo(stored);
        assertThat(otherLog.entries().stream().map(CheckpointLog.Entry::text))
                .containsExactlyElementsOf(thisNodesLog.entries().stream()
                        .map(CheckpointLog.Entry::text)
                        .toList());
    }

    @Test
    void checkpointsAreSentToTheUrlInOrderOnceUntilAccepted() throws Exception {
        List<String> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger status = new AtomicInteger(503);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/witness/checkpoints", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (status.get() == 200) {
                received.add(exchange.getRequestHeaders().getFirst("Content-Type") + "|" + body);
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/witness/checkpoints");
            CheckpointPublisher publisher =
                    new CheckpointPublisher(settingsOfAnotherNode(url), jdbc, transactions, clock);
            reportSome(2);
            assertThat(thisNode.sign(true)).isInstanceOf(Outcome.Done.class);
            jdbc.sql("update audit_checkpoint set published_at = null").update();
            List<String> notes = thisNode.storedNotes();

            assertThat(publisher.publishPending())
                    .as("refused with 503: nothing is marked sent")
                    .isZero();
            assertThat(received).isEmpty();

            status.set(200);
            assertThat(publisher.publishPending()).isEqualTo(Math.min(notes.size(), 100));
            assertThat(received)
                    .containsExactlyElementsOf(notes.stream()
                            .limit(100)
                            .map(note -> "text/plain; charset=utf-8|" + note)
                            .toList());
            received.clear();
            while (publisher.publishPending() > 0) {
                // the rest, a batch at a time
            }
            reportSome(1);
            thisNode.sign(true);
            assertThat(publisher.publishPending()).as("only the new checkpoint").isEqualTo(1);
            assertThat(received.get(received.size() - 1))
                    .endsWith(thisNode.latest().orElseThrow().checkpoint().note());
        } finally {
            server.stop(0);
        }
    }

    private static List<Long> sizes(CheckpointLog log) {
        return log.entries().stream()
                .map(entry -> entry.checkpoint().orElseThrow().size())
                .toList();
    }
}
