package io.cairn.isms;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.FormSession;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The evidence pages as a browser without a script engine uses them, over real HTTP with a session: the incident's
 * section answers an htmx form with the problem next to the field and stores nothing, enters an item, and lists it;
 * the item's page hands it over, the receiver finds it awaiting their sign-off and accepts it with a form posted
 * without script; the pages speak Dutch in Dutch; a reporter gets an empty section and no item page.
 */
class EvidencePagesTest extends ApiClient.OnServer {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aHandlerEntersAnItemHandsItOverAndTheReceiverAcceptsIt() {
        String s = Long.toString(System.nanoTime(), 36);
        TeamId team = users.teamNamed("evidence-pages-" + s);
        TestUser handler = users.userNamed("evp-handler-" + s, Set.of(Role.HANDLER), team);
        TestUser receiver = users.userNamed("evp-receiver-" + s, Set.of(Role.HANDLER), team);
        TestUser reporter = users.userNamed("evp-reporter-" + s, Set.of(Role.REPORTER));
        String incident = client(handler)
                .post("/api/v1/incidents", Map.of("title", "Lost phone " + s, "description", "Left in a taxi"))
                .json()
                .get("id")
                .asString();
        FormSession session = FormSession.signedIn(port, handler.username(), TestUsers.PASSWORD);
        assertThat(session.page("/incidents/" + incident)).isEqualTo(200);

        ApiClient.Answer refused =
                session.postForm("/incidents/" + incident + "/evidence", item("abc"), "HX-Request", "true");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Must be a SHA-256: exactly 64 hexadecimal digits")
                .contains("aria-invalid=\"true\"")
                .contains("Mail server logs of 1 December");
        assertThat(count(incident)).isZero();

        ApiClient.Answer entered =
                session.postForm("/incidents/" + incident + "/evidence", item("ab".repeat(32)), "HX-Request", "true");
        assertThat(entered.body())
                .contains("The item is entered.")
                .contains("E1")
                .contains("abababababab…");
        String item = jdbc.sql("select id::text from evidence_item where incident_id = ?::uuid")
                .param(incident)
                .query(String.class)
                .single();
        String page = "/incidents/" + incident + "/evidence/" + item;
        assertThat(session.page(page)).isEqualTo(200);
        assertThat(session.get(page).body())
                .contains("Custody log")
                .contains("Collected")
                .contains("Hand over");

        Map<String, String> handOver = new LinkedHashMap<>();
        handOver.put("to", receiver.username());
        handOver.put("purpose", "Forensic analysis");
        handOver.put("storageLocation", "Lab safe 2");
        handOver.put("version", "1");
        ApiClient.Answer proposed = session.postForm(page + "/transfers", handOver, "HX-Request", "true");
        assertThat(proposed.body())
                .contains("Transfer proposed")
                .contains("To " + receiver.displayName())
                .contains("Withdraw the transfer");

        FormSession theirs = FormSession.signedIn(port, receiver.username(), TestUsers.PASSWORD);
        assertThat(theirs.page("/evidence/awaiting")).isEqualTo(200);
        assertThat(theirs.get("/evidence/awaiting").body()).contains("E1").contains("Forensic analysis");
        theirs.page(page);
        String transfer = jdbc.sql("select pending_transfer::text from evidence_item where id = ?::uuid")
                .param(item)
                .query(String.class)
                .single();
        ApiClient.Answer accepted = theirs.postForm(page + "/transfers/" + transfer + "/accept", Map.of());
        assertThat(accepted.status()).isEqualTo(302);
        assertThat(accepted.header("Location")).endsWith(page);
        assertThat(theirs.get(page).body()).contains("Transfer accepted").contains("Lab safe 2");
        assertThat(theirs.get(page + "?lang=nl").body()).contains("Bewijsketen").contains("Overdracht aanvaard");

        FormSession outsider = FormSession.signedIn(port, reporter.username(), TestUsers.PASSWORD);
        assertThat(outsider.get("/incidents/" + incident + "/evidence").body()).doesNotContain("E1");
        assertThat(outsider.get(page).status()).isEqualTo(404);
    }

    private static Map<String, String> item(String sha256) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("kind", "log-export");
        item.put("description", "Mail server logs of 1 December");
        item.put("source", "mx1.example.org");
        item.put("collectedAt", "2026-12-01T08:00:00");
        item.put("collectedWhere", "Data centre");
        item.put("collectedHow", "journalctl export");
        item.put("sha256", sha256);
        item.put("storageLocation", "Evidence safe A");
        return item;
    }

    private long count(String incident) {
        return jdbc.sql("select count(*) from evidence_item where incident_id = ?::uuid")
                .param(incident)
                .query(Long.class)
                .single();
    }
}
