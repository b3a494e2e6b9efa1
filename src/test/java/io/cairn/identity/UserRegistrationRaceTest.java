package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user name taken by someone else between the check and the insert (another admin, another node, two nodes starting
 * on a new database and both registering the first admin) is refused as taken, never a failed transaction.
 */
class UserRegistrationRaceTest extends ApiClient.OnServer {

    @Autowired
    Users stored;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLoserOfARaceForAUserNameIsToldItIsTaken() {
        ApiClient admin = client(users.user("admin", Set.of(Role.ADMIN)));
        String username = TestUsers.unique("racer");

        ApiClient.Answer loser = transactions
                .execute(status -> {
                    stored.save(User.register(
                            username, "First", null, "{noop}x", Set.of(Role.HANDLER), Set.of(), null, Instant.now()));
                    // the other registration checks, finds the name free, and waits at the insert for this one to
                    // commit
                    CompletableFuture<ApiClient.Answer> other = CompletableFuture.supplyAsync(() -> admin.post(
                            "/api/v1/users",
                            Map.of("username", username, "displayName", "Second", "roles", List.of("HANDLER"))));
                    awaitInsertWaitingForALock(other);
                    return other;
                })
                .join();

        assertThat(loser.status()).as(loser.toString()).isEqualTo(409);
        assertThat(loser.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
        assertThat(jdbc.sql("select display_name from app_user where username = ?")
                        .param(username)
                        .query(String.class)
                        .list())
                .containsExactly("First");
    }

    private void awaitInsertWaitingForALock(CompletableFuture<ApiClient.Answer> other) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        // asked on a connection of its own: within a transaction, pg_stat_activity stays as it was first read
        while (CompletableFuture.supplyAsync(() -> jdbc.sql("select count(*) from pg_stat_activity where "
                                        + "wait_event_type = 'Lock' and query ilike 'insert into%app_user%'")
                                .query(Long.class)
                                .single())
                        .join()
                == 0) {
            assertThat(other).as("the other registration waits at its insert").isNotDone();
            assertThat(System.nanoTime())
                    .as("the other registration waits at its insert")
                    .isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
