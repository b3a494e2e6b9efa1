package io.cairn.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each checkpoint to {@code cairn.audit.checkpoint-url}, when one is set: an HTTP POST of the signed note as
 * {@code text/plain}, in order of size, each until the endpoint answers 2xx. A checkpoint is marked sent in the
 * database, so that on several nodes each is sent once (an advisory lock lets one node send at a time, which keeps
 * the order); one that fails is tried again at the next run, before any later one.
 */
@Component
class CheckpointPublisher {

    private static final Log log = LogFactory.getLog(CheckpointPublisher.class);
    private static final int BATCH = 100;

    private final @Nullable URI url;
    private final Duration timeout;
    private final HttpClient http;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CheckpointPublisher(AuditSettings settings, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.url = settings.checkpointUrl();
        this.timeout = settings.checkpointUrlTimeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sends the checkpoints not sent yet, oldest first, until one fails; answers how many were accepted. */
    int publishPending() {
        URI target = url;
        if (target == null) {
            return 0;
        }
        Integer sent = transactions.execute(status -> {
            boolean ours = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('cairn.audit.checkpoint-url'))")
                    .query(Boolean.class)
                    .single();
            if (!ours) {
                return 0;
            }
            List<Pending> pending = jdbc.sql("""
                    select size, note from audit_checkpoint where published_at is null order by size limit ?""")
                    .param(BATCH)
                    .query((row, n) -> new Pending(row.getLong("size"), row.getString("note")))
                    .list();
            int accepted = 0;
            for (Pending checkpoint : pending) {
                if (!post(target, checkpoint)) {
                    break;
                }
                jdbc.sql("update audit_checkpoint set published_at = ? where size = ?")
                        .params(Timestamp.from(clock.instant()), checkpoint.size())
                        .update();
                accepted++;
            }
            return accepted;
        });
        return sent == null ? 0 : sent;
    }

    private boolean post(URI target, Pending checkpoint) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(checkpoint.note(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            log.warn("The checkpoint of " + checkpoint.size() + " records was refused by " + target + " with status "
                    + response.statusCode() + "; it is sent again at the next run");
        } catch (IOException e) {
            log.warn("The checkpoint of " + checkpoint.size() + " records could not be sent to " + target + " (" + e
                    + "); it is sent again at the next run");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private record Pending(long size, String note) {}
}
