package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.MailServers;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.shared.ContentDigest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Sending the notice to the people a breach concerns on the whole server, through a real SMTP server: a privacy
 * officer starts it at the text's version (a stale version and a second start get 409, others 403), which freezes the
 * text with its SHA-256; every person gets exactly one mail in their language, carrying the Message-ID claimed for it,
 * and when all are sent the stage is submitted by e-mail with the text's SHA-256 as reference.
 */
@MailServers.Running
class NoticeSendingServerTest extends ApiClient.OnServer {

    static final int PEOPLE = 50;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NoticeSender sender;

    ApiClient officer;
    ApiClient coordinator;
    String notice;
    String obligation;
    String s;
    String unit;

    @BeforeEach
    void officerAndCoordinator() {
        s = Long.toString(System.nanoTime(), 36);
        ApiClient admin = client(users.user("nts-admin-" + s, Set.of(Role.ADMIN)));
        TestUser officerUser = users.user("nts-dpo-" + s, Set.of(Role.PRIVACY_OFFICER));
        officer = client(officerUser);
        coordinator = client(users.user("nts-coord-" + s, Set.of(Role.COORDINATOR)));
        String entity = ComplianceFixture.legalEntity(admin, "Sending " + s, "important", officerUser.id());
        unit = ComplianceFixture.businessUnit(admin, "Unit " + s, entity);
    }

    /** A breach of high risk the organisation became aware of at the instant, with 50 people on its notice's list. */
    void highRiskBreachWithPeople(Instant awareAt) {
        String incident = coordinator
                .post(
                        "/api/v1/incidents",
                        ObligationServerTest.body("title", "Leak " + s, "description", "records", "businessUnit", unit))
                .json()
                .path("id")
                .asString();
        String[] path = NoticeServerTest.highRisk(coordinator, incident, awareAt.toString());
        obligation = path[0];
        notice = path[1];
        StringBuilder csv = new StringBuilder("name,e-mail,language\n");
        for (int person = 0; person < PEOPLE; person++) {
            csv.append("Person ")
                    .append(person)
                    .append(',')
                    .append(email(person))
                    .append(',')
                    .append(person % 2 == 0 ? "en" : "nl")
                    .append('\n');
        }
        assertThat(NoticeServerTest.upload(officer, notice, "", csv.toString()).status())
                .isEqualTo(200);
    }

    String email(int person) {
        return "p" + person + "-" + s + "@example.org";
    }

    @Test
    void everyPersonGetsOneMailInTheirLanguageAndTheStageIsSubmittedWithTheFrozenText() throws Exception {
        highRiskBreachWithPeople(Instant.now().minus(Duration.ofHours(1)));
        long version = officer.get(notice + "/text").json().path("version").asLong();
        assertThat(coordinator
                        .post(notice + "/send", Map.of("version", version))
                        .status())
                .isEqualTo(403);
        assertThat(officer.post(notice + "/send", Map.of("version", version + 1))
                        .status())
                .isEqualTo(409);
        Map<String, String> subjects = Map.of(
                "en",
                        officer.get(notice + "/preview?language=en")
                                .json()
                                .path("subject")
                                .asString(),
                "nl",
                        officer.get(notice + "/preview?language=nl")
                                .json()
                                .path("subject")
                                .asString());

        ApiClient.Answer started = officer.post(notice + "/send", Map.of("version", version));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String sha256 = started.json().path("textSha256").asString();
        assertThat(officer.post(notice + "/send", Map.of("version", version + 1))
                        .status())
                .isEqualTo(409);
        assertThat(officer.put(notice + "/text", Map.of("texts", Map.of(), "version", version + 1))
                        .status())
                .isEqualTo(409);
        assertThat(NoticeServerTest.upload(officer, notice, "", "name,e-mail,language\nLate,late@example.org,en\n")
                        .status())
                .isEqualTo(409);

        sender.sendWaiting();

        Map<String, Object> frozen = jdbc.sql(
                        "select text_content, text_sha256 from compliance_notice " + "where obligation_id = ?::uuid")
                .param(obligation)
                .query()
                .singleRow();
        assertThat(ContentDigest.of((byte[]) frozen.get("text_content")).hex())
                .isEqualTo(frozen.get("text_sha256"))
                .isEqualTo(sha256);
        for (int person = 0; person < PEOPLE; person++) {
            List<MimeMessage> mails = MailServers.sentTo(email(person));
            assertThat(mails).as(email(person)).hasSize(1);
            assertThat(mails.get(0).getSubject()).isEqualTo(subjects.get(person % 2 == 0 ? "en" : "nl"));
            assertThat(mails.get(0).getContent().toString()).contains("Person " + person);
            assertThat(mails.get(0).getMessageID())
                    .isEqualTo(jdbc.sql("select message_id from compliance_notice_recipient where lower(email) = ?")
                            .param(email(person))
                            .query(String.class)
                            .single());
        }
        JsonNode done = officer.get(notice).json();
        assertThat(done.path("counts").path("sent").asInt()).isEqualTo(PEOPLE);
        assertThat(done.path("counts").path("waiting").asInt()).isZero();
        assertThat(done.path("status").asString()).isEqualTo("submitted");
        assertThat(jdbc.sql("select channel || ' ' || recipient || ' ' || reference from compliance_submission "
                                + "where obligation_id = ?::uuid and stage = 'data-subjects'")
                        .param(obligation)
                        .query(String.class)
                        .list())
                .containsExactly("e-mail 50 people (50 sent, 0 failed) " + sha256);
    }

    @Test
    void aNoticePastItsDueIsSentButLeftToThePrivacyOfficerToSubmitWithTheReasonForTheDelay() {
        highRiskBreachWithPeople(Instant.parse("2025-03-07T10:00:00Z"));
        long version = officer.get(notice + "/text").json().path("version").asLong();
        assertThat(officer.post(notice + "/send", Map.of("version", version)).status())
                .isEqualTo(200);

        sender.sendWaiting();

        JsonNode done = officer.get(notice).json();
        assertThat(done.path("counts").path("sent").asInt()).isEqualTo(PEOPLE);
        assertThat(done.path("status").asString()).isEqualTo("overdue");
        assertThat(jdbc.sql("select count(*) from compliance_submission where obligation_id = ?::uuid "
                                + "and stage = 'data-subjects'")
                        .param(obligation)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
