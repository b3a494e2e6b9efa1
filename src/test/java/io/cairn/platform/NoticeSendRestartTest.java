package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cairn.ApiClient;
import io.cairn.FormSession;
import io.cairn.FreePort;
import io.cairn.compliance.ComplianceFixture;
import io.cairn.identity.UserId;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * A notice to 1,000 people sent through a real SMTP server by Cairn running as a process of its own, stopped in the
 * middle of the send (SIGTERM) and started again, then killed in the middle (SIGKILL) and started again: every
 * person gets exactly one mail. After the kill, the mails whose outcome Cairn cannot know are never sent again by
 * themselves: the privacy officer checks them against the mail server, settles those that arrived as sent and has
 * the others sent again, and the stage is submitted when everyone has their mail.
 */
@Tag("integration")
@DisabledOnOs(OS.WINDOWS)
class NoticeSendRestartTest {

    private static final Path DATA = Path.of("target/notice-restart-db").toAbsolutePath();
    private static final Path LOG = DATA.resolveSibling("notice-restart.log");
    private static final String ADMIN_PASSWORD = "Notice-admin-password-1";
    private static final int PEOPLE = 1_000;

    private final List<Process> started = new ArrayList<>();
    private final GreenMail smtp =
            new GreenMail(new ServerSetup(FreePort.any(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @AfterEach
    void stopCairnItsDatabaseAndTheMailServer() throws InterruptedException {
        for (Process cairn : started) {
            cairn.destroy();
            if (!cairn.waitFor(60, TimeUnit.SECONDS)) {
                cairn.destroyForcibly();
            }
        }
        LeftoverServer.stopIfRunning(DATA, LogFactory.getLog(NoticeSendRestartTest.class));
        smtp.stop();
    }

    @Test
    void aSendToAThousandPeopleStoppedAndKilledInTheMiddleMailsEachPersonExactlyOnce() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        smtp.start();
        Process first = cairn();
        String[] officer = officer(first);
        ApiClient api = new ApiClient(port(first), officer[0]);
        String notice = notice(new ApiClient(port(first), officer[2]), api, officer[1]);
        long version = api.get(notice + "/text").json().path("version").asLong();
        assertThat(api.post(notice + "/send", Map.of("version", version)).status())
                .isEqualTo(200);

        awaitMails(250);
        first.destroy();
        assertThat(first.waitFor(120, TimeUnit.SECONDS))
                .as("Cairn stopped on SIGTERM")
                .isTrue();
        int afterStop = smtp.getReceivedMessages().length;
        assertThat(afterStop).as("stopped in the middle").isLessThan(PEOPLE);

        Process second = cairn();
        api = new ApiClient(port(second), officer[0]);
        awaitMails(afterStop + 250);
        CairnProcess.kill(second);
        assertThat(smtp.getReceivedMessages().length).as("killed in the middle").isLessThan(PEOPLE);

        Process third = cairn();
        api = new ApiClient(port(third), officer[0]);
        ApiClient restarted = api;
        await(() -> waiting(restarted, notice) == 0, Duration.ofSeconds(180), "everyone queued was mailed");
        settleByTheMailServer(api, notice);
        await(
                () -> "submitted"
                        .equals(restarted.get(notice).json().path("status").asString()),
                Duration.ofSeconds(60),
                "the stage submitted once everyone has their mail");

        Map<String, Long> received = received();
        assertThat(received).hasSize(PEOPLE);
        assertThat(received.values()).allMatch(count -> count == 1L);
        JsonNode counts = api.get(notice).json().path("counts");
        assertThat(counts.path("sent").asInt()).isEqualTo(PEOPLE);
        assertThat(counts.path("unknown").asInt()).isZero();
    }

    /** Settles each delivery of unknown outcome by whether the mail server received its mail. */
    private void settleByTheMailServer(ApiClient api, String notice) {
        Map<String, Long> received = received();
        List<Long> arrived = new ArrayList<>();
        List<Long> lost = new ArrayList<>();
        api.get(notice + "/unknown")
                .json()
                .valueStream()
                .forEach(person -> (received.containsKey(
                                        person.path("email").asString().toLowerCase(Locale.ROOT))
                                ? arrived
                                : lost)
                        .add(person.path("id").asLong()));
        if (!arrived.isEmpty()) {
            assertThat(api.post(
                                    notice + "/settle",
                                    Map.of("deliveries", arrived, "outcome", "sent", "note", "in the log"))
                            .status())
                    .isEqualTo(200);
        }
        if (!lost.isEmpty()) {
            assertThat(api.post(
                                    notice + "/settle",
                                    Map.of("deliveries", lost, "outcome", "resend", "note", "not received"))
                            .status())
                    .isEqualTo(200);
        }
    }

    private final Map<Process, Integer> ports = new java.util.HashMap<>();

    private Process cairn() throws Exception {
        int port = FreePort.any();
        Process cairn = CairnProcess.start(
                DATA,
                port,
                ADMIN_PASSWORD,
                LOG,
                List.of(
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        "--cairn.mail.from=cairn@cairn.test",
                        "--cairn.compliance.notice-rate=100",
                        "--cairn.compliance.notice-lease=PT3S",
                        "--cairn.compliance.notice-send-delay=PT1S",
                        "--cairn.compliance.notice-send-interval=PT1S"));
        started.add(cairn);
        ports.put(cairn, port);
        return cairn;
    }

    private int port(Process cairn) {
        return ports.get(cairn);
    }

    /**
     * A privacy officer (and coordinator) with a token, made by the first admin: the token, the user's id and the
     * admin's token.
     */
    private String[] officer(Process cairn) {
        String admin =
                new FormSession(port(cairn)).signInAndIssueToken("admin", ADMIN_PASSWORD, "Chosen-first-password-2");
        String password = "Seal-" + UUID.randomUUID();
        JsonNode created = new ApiClient(port(cairn), admin)
                .post(
                        "/api/v1/users",
                        Map.of(
                                "username",
                                "dpo",
                                "displayName",
                                "Privacy Officer",
                                "roles",
                                List.of("PRIVACY_OFFICER", "COORDINATOR"),
                                "initialPassword",
                                password))
                .json();
        String token = new FormSession(port(cairn)).signInAndIssueToken("dpo", password, password + "-2");
        return new String[] {token, created.path("user").path("id").asString(), admin};
    }

    /** A high-risk breach of a legal entity with the officer, its notice with a thousand people imported; its path. */
    private String notice(ApiClient admin, ApiClient officer, String officerId) {
        String entity = ComplianceFixture.legalEntity(
                admin, "Restart B.V.", "important", new UserId(UUID.fromString(officerId)));
        String unit = ComplianceFixture.businessUnit(admin, "Webshop", entity);
        String incident = officer.post(
                        "/api/v1/incidents",
                        Map.of("title", "Customer records read", "description", "records", "businessUnit", unit))
                .json()
                .path("id")
                .asString();
        String compliance = "/api/v1/incidents/" + incident + "/compliance";
        officer.put(
                compliance + "/facts/gdpr.awareness",
                Map.of("at", Instant.now().minusSeconds(3_600).toString(), "justification", "logs", "version", 0));
        officer.put(
                compliance + "/decisions/personal-data-breach",
                Map.of("result", "yes", "rationale", "read", "version", 0));
        officer.put(
                compliance + "/decisions/gdpr-risk",
                Map.of("result", "high-risk", "rationale", "passwords", "version", 0));
        String obligation = officer.get(compliance)
                .json()
                .path("obligations")
                .get(0)
                .path("id")
                .asString();
        String notice = compliance + "/obligations/" + obligation + "/notice";
        StringBuilder csv = new StringBuilder("name,e-mail,language\n");
        for (int person = 0; person < PEOPLE; person++) {
            csv.append("Person ")
                    .append(person)
                    .append(",p")
                    .append(person)
                    .append("@example.org,")
                    .append(person % 2 == 0 ? "en" : "nl")
                    .append('\n');
        }
        assertThat(officer.postFile(
                                notice + "/people",
                                "people.csv",
                                "text/csv",
                                csv.toString().getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        return notice;
    }

    private static long waiting(ApiClient api, String notice) {
        try {
            return api.get(notice).json().path("counts").path("waiting").asLong(-1);
        } catch (java.io.UncheckedIOException notYet) {
            return -1;
        }
    }

    private void awaitMails(int count) throws InterruptedException {
        await(() -> smtp.getReceivedMessages().length >= count, Duration.ofSeconds(120), count + " mails received");
    }

    private static void await(BooleanSupplier condition, Duration patience, String what) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited for: " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** How many mails each address received. */
    private Map<String, Long> received() {
        return Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.groupingBy(NoticeSendRestartTest::recipient, Collectors.counting()));
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
