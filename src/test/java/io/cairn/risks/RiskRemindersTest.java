package io.cairn.risks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.QuietServer;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * RISK-2 on a fixed calendar: a risk whose target was 2025-04-30 reminds its owner on 2025-05-01, not again until
 * 2025-05-08, and then weekly; a closed one never; two scans at once remind once. The server's own scanner is off
 * ({@link QuietServer}), so that only the scans of the test, at the days it names, run.
 */
@QuietServer
class RiskRemindersTest extends ApiClient.OnServer {

    static final LocalDate TARGET = LocalDate.parse("2025-04-30");

    @Autowired
    RiskReminders reminders;

    @Autowired
    JdbcClient jdbc;

    private String register(TestUser owner, ApiClient coordinator, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("owner", owner.id().toString());
        body.put("mitigationTargetAt", TARGET.toString());
        body.put("likelihood", "likely");
        body.put("impact", "major");
        ApiClient.Answer answer = coordinator.post("/api/v1/risks", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private long reminders(TestUser owner, String risk) {
        return jdbc.sql("select count(*) from notification_inbox where recipient_id = ? and template = 'risk-overdue'"
                        + " and link like ?")
                .params(owner.id().value(), "%" + risk)
                .query(Long.class)
                .single();
    }

    private static Instant morningOf(String day) {
        return Instant.parse(day + "T08:00:00Z");
    }

    @Test
    void anOverdueRiskRemindsItsOwnerOnTheFirstOverdueDayAndThenEveryWeekAndAClosedOneNever() {
        TestUser owner = users.user("risk-reminded", Set.of(Role.COORDINATOR));
        TestUser other = users.user("risk-closed-owner", Set.of(Role.COORDINATOR));
        ApiClient coordinator = client(owner);
        String risk = register(owner, coordinator, "Unpatched VPN gateway");
        String closed = register(other, coordinator, "Old firewall");
        assertThat(coordinator
                        .post("/api/v1/risks/" + closed + "/close", Map.of("reason", "eliminated", "version", 0))
                        .status())
                .isEqualTo(200);

        reminders.scan(morningOf("2025-04-30"));
        assertThat(reminders(owner, risk)).as("not overdue on its target day").isZero();
        reminders.scan(morningOf("2025-05-01"));
        assertThat(reminders(owner, risk)).as("the first overdue day").isEqualTo(1);
        for (int day = 2; day <= 7; day++) {
            reminders.scan(morningOf("2025-05-0" + day));
        }
        assertThat(reminders(owner, risk)).as("nothing more in the week after").isEqualTo(1);
        reminders.scan(morningOf("2025-05-08"));
        assertThat(reminders(owner, risk)).as("a week later").isEqualTo(2);
        assertThat(reminders(other, closed)).as("a closed risk").isZero();
        assertThat(jdbc.sql("select count(*) from audit_record where object_id = ? and action = ?")
                        .params(risk, "risk.overdue-reminded")
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        assertThat(jdbc.sql(
                                "select parameters ->> 'days' from notification_inbox where link like ? order by created_at")
                        .params("%" + risk)
                        .query(String.class)
                        .list())
                .containsExactly("1", "8");
    }

    @Test
    void twoScansAtOnceRemindOnce() throws Exception {
        TestUser owner = users.user("risk-raced", Set.of(Role.COORDINATOR));
        String risk = register(owner, client(owner), "Shared admin password");
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> one = nodes.submit(() -> reminders.scan(morningOf("2025-06-01")));
            Future<Integer> two = nodes.submit(() -> reminders.scan(morningOf("2025-06-01")));
            one.get();
            two.get();
        } finally {
            nodes.shutdown();
        }
        reminders.scan(morningOf("2025-06-01"));
        assertThat(reminders(owner, risk)).isEqualTo(1);
    }
}
