package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A send of 300 notices cut short: the sending worker stops in the middle (its unsent claims go back in the queue) and
 * starts again, and a worker that was killed left three claims behind, one of whose mails had gone out. Each person
 * gets at most one mail, everyone not caught in the crash exactly one, and the three claims of the crash become
 * "unknown", shown for a person to check, never sent again; the stage is left to the privacy officer.
 */
@MailServers.Running
class NoticeRestartServerTest extends ApiClient.OnServer {

    static final int PEOPLE = 300;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NoticeSender sender;

    @Test
    void aSendCutShortMailsEveryoneAtMostOnceAndLeavesTheClaimsOfACrashToCheck() throws Exception {
        String s = Long.toString(System.nanoTime(), 36);
        ApiClient admin = client(users.user("ntr-admin-" + s, Set.of(Role.ADMIN)));
        TestUser officerUser = users.user("ntr-dpo-" + s, Set.of(Role.PRIVACY_OFFICER, Role.COORDINATOR));
        ApiClient officer = client(officerUser);
        String entity = ComplianceFixture.legalEntity(admin, "Restart " + s, "important", officerUser.id());
        String unit = ComplianceFixture.businessUnit(admin, "Unit " + s, entity);
        String incident = officer.post(
                        "/api/v1/incidents",
                        ObligationServerTest.body("title", "Leak " + s, "description", "records", "businessUnit", unit))
                .json()
                .path("id")
                .asString();
        String[] path = NoticeServerTest.highRisk(
                officer, incident, Instant.now().minus(Duration.ofHours(1)).toString());
        String notice = path[1];
        StringBuilder csv = new StringBuilder("name,e-mail,language\n");
        for (int person = 0; person < PEOPLE; person++) {
            csv.append("Person ")
                    .append(person)
                    .append(",r")
                    .append(person)
                    .append('-')
                    .append(s)
                    .append("@example.org,")
                    .append(person % 3 == 0 ? "nl" : "en")
                    .append('\n');
        }
        assertThat(NoticeServerTest.upload(officer, notice, "", csv.toString()).status())
                .isEqualTo(200);
        long version = officer.get(notice + "/text").json().path("version").asLong();
        assertThat(officer.post(notice + "/send", Map.of("version", version)).status())
                .isEqualTo(200);

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(sender::sendWaiting);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (mails(s).size() < 60 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        sender.stop();
        first.get(60, TimeUnit.SECONDS);
        assertThat(waiting(path[0])).as("the stop came in the middle").isPositive();
        assertThat(status(path[0], "sending"))
                .as("a stopped worker leaves no claims")
                .isZero();
        List<String> crashed = crash(path[0], s);

        sender.resume();
        sender.sendWaiting();

        Map<String, Long> received = received(s);
        for (int person = 0; person < PEOPLE; person++) {
            String email = "r" + person + "-" + s + "@example.org";
            assertThat(received.getOrDefault(email, 0L))
                    .as(email)
                    .isEqualTo(crashed.contains(email) ? (email.equals(crashed.get(0)) ? 1L : 0L) : 1L);
        }
        assertThat(status(path[0], "unknown")).isEqualTo(3);
        JsonNode counts = officer.get(notice).json();
        assertThat(counts.path("counts").path("sent").asInt()).isEqualTo(PEOPLE - 3);
        assertThat(counts.path("counts").path("unknown").asInt()).isEqualTo(3);
        assertThat(counts.path("counts").path("waiting").asInt()).isZero();
        assertThat(counts.path("status").asString()).isNotEqualTo("submitted");
        assertThat(io.cairn.FormSession.signedIn(port, officerUser.username(), io.cairn.identity.TestUsers.PASSWORD)
                        .get("/incidents/" + incident + "/compliance/obligations/" + path[0] + "/notice")
                        .body())
                .contains("unknown: check", "never sent again", "Settle these deliveries");

        settleAfterChecking(officer, client(users.user("ntr-handler-" + s, Set.of(Role.HANDLER))), notice, crashed);
        sender.sendWaiting();
        Map<String, Long> settled = received(s);
        for (int person = 0; person < PEOPLE; person++) {
            String email = "r" + person + "-" + s + "@example.org";
            assertThat(settled.getOrDefault(email, 0L)).as(email).isEqualTo(1L);
        }
        JsonNode done = officer.get(notice).json();
        assertThat(done.path("counts").path("sent").asInt()).isEqualTo(PEOPLE);
        assertThat(done.path("status").asString()).isEqualTo("submitted");
    }

    /**
     * The privacy officer checks the three deliveries of unknown outcome: the first one's mail arrived, the other two
     * did not go out and are sent again; nobody else may, and nothing is settled twice.
     */
    void settleAfterChecking(ApiClient officer, ApiClient handler, String notice, List<String> crashed) {
        assertThat(handler.get(notice + "/unknown").status()).isEqualTo(403);
        List<JsonNode> unknown =
                officer.get(notice + "/unknown").json().valueStream().toList();
        assertThat(unknown)
                .extracting(person -> person.path("email").asString())
                .containsExactlyInAnyOrderElementsOf(crashed);
        long arrived = unknown.stream()
                .filter(person -> person.path("email").asString().equals(crashed.get(0)))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
        List<Long> lost = unknown.stream()
                .map(person -> person.path("id").asLong())
                .filter(id -> id != arrived)
                .toList();
        ApiClient.Answer noNote =
                officer.post(notice + "/settle", Map.of("deliveries", List.of(arrived), "outcome", "sent"));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.json().path("errors").get(0).path("field").asString()).isEqualTo("note");
        assertThat(handler.post(
                                notice + "/settle",
                                Map.of("deliveries", List.of(arrived), "outcome", "sent", "note", "in the log"))
                        .status())
                .isEqualTo(403);
        assertThat(officer.post(
                                notice + "/settle",
                                Map.of(
                                        "deliveries",
                                        List.of(arrived),
                                        "outcome",
                                        "sent",
                                        "note",
                                        "accepted in the mail log"))
                        .status())
                .isEqualTo(200);
        ApiClient.Answer twice = officer.post(
                notice + "/settle",
                Map.of("deliveries", List.of(arrived, lost.get(0)), "outcome", "resend", "note", "x"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("detail").asString()).contains(Long.toString(arrived));
        assertThat(officer.post(
                                notice + "/settle",
                                Map.of("deliveries", lost, "outcome", "resend", "note", "not in the mail log"))
                        .status())
                .isEqualTo(200);
    }

    /**
     * Leaves three queued people claimed an hour ago, as a worker that was killed between the claim and the mark
     * would, the mail of the first one sent; their addresses, the first one's first.
     */
    List<String> crash(String obligation, String s) throws MessagingException {
        List<String> claimed = jdbc
                .sql("update compliance_notice_recipient set status = 'sending', "
                        + "claimed_at = now() - interval '1 hour', message_id = '<crash-' || id || '@cairn.test>' "
                        + "where id in (select id from compliance_notice_recipient where obligation_id = ?::uuid "
                        + "and status = 'queued' order by id limit 3) returning email")
                .param(obligation)
                .query(String.class)
                .list()
                .stream()
                .sorted()
                .toList();
        assertThat(claimed).hasSize(3);
        MimeMessage sent = new MimeMessage(
                GreenMailUtil.getSession(MailServers.outbound().getSmtp().getServerSetup()));
        sent.setFrom(MailServers.CAIRN_ADDRESS);
        sent.setRecipients(jakarta.mail.Message.RecipientType.TO, claimed.get(0));
        sent.setSubject("the notice, sent before the crash");
        sent.setText("sent before the crash");
        GreenMailUtil.sendMimeMessage(sent);
        assertThat(received(s)).containsKey(claimed.get(0));
        return claimed;
    }

    long waiting(String obligation) {
        return status(obligation, "queued");
    }

    long status(String obligation, String status) {
        return jdbc.sql("select count(*) from compliance_notice_recipient where obligation_id = ?::uuid and status = ?")
                .params(obligation, status)
                .query(Long.class)
                .single();
    }

    /** The mails the outbound server received for this test's people. */
    static List<MimeMessage> mails(String s) {
        return Arrays.stream(MailServers.outbound().getReceivedMessages())
                .filter(mail -> recipient(mail).endsWith("-" + s + "@example.org"))
                .toList();
    }

    /** How many mails each of this test's people received. */
    static Map<String, Long> received(String s) {
        return mails(s).stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        NoticeRestartServerTest::recipient, java.util.stream.Collectors.counting()));
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
