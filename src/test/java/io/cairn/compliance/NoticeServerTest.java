package io.cairn.compliance;

import static io.cairn.compliance.ObligationServerTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The people a breach concerns on the whole server: a file with bad lines is answered with every problem by line and
 * column and nothing stored, then its good lines are imported on request; only privacy officers see and change the
 * list, coordinators and handlers see its counts; at the end of the retention the people are erased, the counts kept.
 */
class NoticeServerTest extends ApiClient.OnServer {

    static final String BAD_FILE = "name,e-mail,language\n"
            + "Anna de Vries,anna@example.nl,nl\n"
            + "Bob,bob-at-example.org,en\n"
            + "Cas,cas@example.org,fr\n"
            + "\"Jansen, D.\",dirk@example.nl,nl\n"
            + "Eve,eve@example.org\n";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NoticeRetention retention;

    ApiClient officer;
    ApiClient coordinator;
    ApiClient handler;
    String notice;
    String obligation;

    @BeforeEach
    void highRiskBreach() {
        String s = Long.toString(System.nanoTime(), 36);
        ApiClient admin = client(users.user("ntc-admin-" + s, Set.of(Role.ADMIN)));
        TestUser officerUser = users.user("ntc-dpo-" + s, Set.of(Role.PRIVACY_OFFICER));
        officer = client(officerUser);
        coordinator = client(users.user("ntc-coord-" + s, Set.of(Role.COORDINATOR)));
        handler = client(users.user("ntc-handler-" + s, Set.of(Role.HANDLER)));
        String entity = ComplianceFixture.legalEntity(admin, "Notices " + s, "important", officerUser.id());
        String unit = ComplianceFixture.businessUnit(admin, "Unit " + s, entity);
        String incident = coordinator
                .post("/api/v1/incidents", body("title", "Leak " + s, "description", "records", "businessUnit", unit))
                .json()
                .path("id")
                .asString();
        String[] path = highRisk(coordinator, incident);
        obligation = path[0];
        notice = path[1];
    }

    /** Makes the incident a personal-data breach of high risk; its GDPR obligation's id and its notice's address. */
    static String[] highRisk(ApiClient recorder, String incident) {
        return highRisk(recorder, incident, "2025-03-07T10:00:00Z");
    }

    /** The same, with the organisation aware of the breach at the instant. */
    static String[] highRisk(ApiClient recorder, String incident, String awareAt) {
        String compliance = "/api/v1/incidents/" + incident + "/compliance";
        recorder.put(compliance + "/facts/gdpr.awareness", body("at", awareAt, "justification", "logs", "version", 0));
        recorder.put(
                compliance + "/decisions/personal-data-breach",
                body("result", "yes", "rationale", "records read", "version", 0));
        recorder.put(
                compliance + "/decisions/gdpr-risk",
                body("result", "high-risk", "rationale", "passwords in clear", "version", 0));
        String obligation = recorder.get(compliance)
                .json()
                .path("obligations")
                .get(0)
                .path("id")
                .asString();
        return new String[] {obligation, compliance + "/obligations/" + obligation + "/notice"};
    }

    static ApiClient.Answer upload(ApiClient client, String notice, String query, String csv) {
        return client.postFile(
                notice + "/people" + query, "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileWithBadLinesIsAnsweredByLineAndColumnAndItsGoodLinesImportOnRequest() {
        ApiClient.Answer refused = upload(officer, notice, "", BAD_FILE);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json()
                        .path("errors")
                        .valueStream()
                        .map(error -> error.path("field").asString())
                        .toList())
                .containsExactly("line 3, column 2 (e-mail)", "line 4, column 3 (language)", "line 6");
        assertThat(refused.json().path("detail").asString()).contains("3 lines with problems");
        assertThat(officer.get(notice).json().path("counts").isNull()).isTrue();

        JsonNode imported = upload(officer, notice, "?badLines=skip", BAD_FILE).json();
        assertThat(imported.path("imported").asInt()).isEqualTo(2);
        assertThat(imported.path("skipped")
                        .valueStream()
                        .map(problem -> problem.path("field").asString())
                        .toList())
                .hasSize(3);
        assertThat(officer.get(notice + "/people")
                        .json()
                        .valueStream()
                        .map(person -> person.path("name").asString() + "/"
                                + person.path("status").asString())
                        .toList())
                .containsExactly("Anna de Vries/queued", "Jansen, D./queued");

        ApiClient.Answer again = upload(officer, notice, "", "name,e-mail,language\nAnna,ANNA@example.nl,nl\n");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("is in the list already");
        assertThat(upload(officer, notice, "?badLines=maybe", BAD_FILE).status())
                .isEqualTo(400);
        assertThat(upload(officer, notice, "", "naam;mail\nA;b\n")
                        .json()
                        .path("errors")
                        .get(0)
                        .path("field")
                        .asString())
                .isEqualTo("line 1");
    }

    @Test
    void onlyPrivacyOfficersSeeAndChangeThePeopleOthersSeeTheCounts() {
        upload(officer, notice, "?badLines=skip", BAD_FILE);

        for (ApiClient other : List.of(coordinator, handler)) {
            JsonNode seen = other.get(notice).json();
            assertThat(seen.path("counts").path("people").asInt()).isEqualTo(2);
            assertThat(seen.path("managesPeople").asBoolean()).isFalse();
            assertThat(seen.toString()).doesNotContain("anna@example.nl");
            assertThat(other.get(notice + "/people").status()).isEqualTo(403);
            assertThat(upload(other, notice, "?badLines=skip", "name,e-mail,language\nX,x@example.org,en\n")
                            .status())
                    .isEqualTo(403);
        }
        assertThat(officer.get(notice).json().path("managesPeople").asBoolean()).isTrue();
        assertThat(officer.get(notice).json().path("counts").path("people").asInt())
                .isEqualTo(2);
    }

    @Test
    void theRetentionErasesThePeopleAndKeepsTheCountsAudited() {
        upload(officer, notice, "?badLines=skip", BAD_FILE);
        jdbc.sql(
                        "update compliance_notice_recipient set status = 'sent', sent_at = now() where obligation_id = ?::uuid "
                                + "and email = 'anna@example.nl'")
                .param(obligation)
                .update();
        jdbc.sql(
                        "update compliance_notice set last_sent_at = now() - interval '181 days' where obligation_id = ?::uuid")
                .param(obligation)
                .update();

        assertThat(retention.eraseExpired(Instant.now())).isPositive();

        assertThat(jdbc.sql("select count(*) from compliance_notice_recipient where obligation_id = ?::uuid")
                        .param(obligation)
                        .query(Integer.class)
                        .single())
                .isZero();
        JsonNode counts = coordinator.get(notice).json().path("counts");
        assertThat(counts.path("people").asInt()).isEqualTo(2);
        assertThat(counts.path("sent").asInt()).isEqualTo(1);
        assertThat(counts.path("erasedAt").isNull()).isFalse();
        assertThat(officer.get(notice + "/people").status()).isEqualTo(409);
        assertThat(upload(officer, notice, "", "name,e-mail,language\nX,x@example.org,en\n")
                        .status())
                .isEqualTo(409);
        assertThat(jdbc.sql(
                                "select action from audit_record where object_type = 'data-subject-notice' and object_id = ? "
                                        + "order by seq")
                        .param(obligation + "/data-subjects")
                        .query(String.class)
                        .list())
                .containsExactly("data-subject-notice.imported", "data-subject-notice.erased");
    }

    @Test
    void theTextIsDraftedFromTheRecordsEditedByPrivacyOfficersAtTheirVersionAndPreviewedPerLanguage() {
        JsonNode drafted = coordinator.get(notice + "/text").json();
        assertThat(drafted.path("version").asLong()).isZero();
        assertThat(drafted.path("texts").path("nl").path("subject").asString()).startsWith("Belangrijk:");
        assertThat(drafted.path("mayEdit").asBoolean()).isFalse();

        assertThat(coordinator
                        .put(notice + "/text", body("texts", body("en", body("measures", "x")), "version", 0))
                        .status())
                .isEqualTo(403);
        JsonNode saved = officer.put(
                        notice + "/text",
                        body(
                                "texts",
                                body("nl", body("measures", "Wij hebben alle wachtwoorden vervangen.")),
                                "version",
                                0))
                .json();
        assertThat(saved.path("version").asLong()).isEqualTo(1);
        assertThat(officer.put(notice + "/text", body("texts", body("nl", body("measures", "later")), "version", 0))
                        .status())
                .isEqualTo(409);
        ApiClient.Answer injected = officer.put(
                notice + "/text", body("texts", body("en", body("subject", "Hi\nBcc: x@example.org")), "version", 1));
        assertThat(injected.status()).isEqualTo(400);
        assertThat(injected.json().path("errors").get(0).path("field").asString())
                .isEqualTo("texts.en.subject");

        JsonNode dutch = handler.get(notice + "/preview?language=nl").json();
        assertThat(dutch.path("body").asString())
                .startsWith("Beste A. Jansen,")
                .contains("Wat wij hebben gedaan en wat wij u aanraden\nWij hebben alle wachtwoorden vervangen.");
        assertThat(handler.get(notice + "/preview?language=en")
                        .json()
                        .path("body")
                        .asString())
                .startsWith("Dear A. Jansen,")
                .doesNotContain("Wij hebben");
        assertThat(handler.get(notice + "/preview?language=fr").status()).isEqualTo(400);
    }

    @Test
    void anExemptionWithItsEvidenceTakesThePlaceOfTheNoticeShowsInTheRegisterAndNoLongerAppliesOnceSending() {
        String compliance = notice.substring(0, notice.indexOf("/obligations/"));
        String exemption = compliance + "/decisions/gdpr-communication-exemption";
        ApiClient.Answer bare = coordinator.put(
                exemption,
                body("result", "disproportionate-effort", "rationale", "millions of old accounts", "version", 0));
        assertThat(bare.status()).as(bare.toString()).isEqualTo(400);
        assertThat(bare.json()
                        .path("errors")
                        .valueStream()
                        .map(error -> error.path("field").asString()))
                .containsExactlyInAnyOrder(
                        "inputs.disproportionate-effort", "inputs.public-communication", "inputs.evidence");

        ApiClient.Answer exempt = coordinator.put(
                exemption,
                body(
                        "result",
                        "disproportionate-effort",
                        "rationale",
                        "no contact details for 2 million old accounts",
                        "inputs",
                        body(
                                "disproportionate-effort", "addresses were never kept",
                                "public-communication", "notice on the home page and in two national papers",
                                "evidence", "data inventory DI-4, ticket PRIV-88"),
                        "version",
                        0));
        assertThat(exempt.status()).as(exempt.toString()).isEqualTo(200);
        JsonNode stages = coordinator.get(compliance).json();
        assertThat(ComplianceFixture.stage(stages, "data-subjects")
                        .path("status")
                        .asString())
                .isEqualTo("closed-not-required");
        assertThat(ComplianceFixture.stage(stages, "public-communication")
                        .path("status")
                        .asString())
                .isEqualTo("overdue");
        assertThat(officer.get(notice).status()).isEqualTo(409);
        String incident = compliance.substring("/api/v1/incidents/".length(), compliance.lastIndexOf('/'));
        JsonNode entry = officer.get("/api/v1/compliance/breach-register")
                .json()
                .valueStream()
                .filter(item -> item.path("incident").asString().equals(incident))
                .findFirst()
                .orElseThrow();
        assertThat(entry.path("subjectsExemption").asString()).isEqualTo("disproportionate-effort");
        assertThat(entry.path("subjectsExemptionReason").asString()).contains("no contact details", "ticket PRIV-88");

        assertThat(coordinator
                        .put(exemption, body("result", "none", "rationale", "contact details found", "version", 1))
                        .status())
                .isEqualTo(200);
        assertThat(upload(officer, notice, "", "name,e-mail,language\nAnna,anna@example.org,en\n")
                        .status())
                .isEqualTo(200);
        long version = officer.get(notice + "/text").json().path("version").asLong();
        assertThat(officer.post(notice + "/send", body("version", version)).status())
                .isEqualTo(200);
        ApiClient.Answer late = coordinator.put(
                exemption,
                body(
                        "result",
                        "risk-no-longer-likely",
                        "rationale",
                        "passwords reset",
                        "inputs",
                        body("later-measures", "all passwords reset", "evidence", "change log CH-9"),
                        "version",
                        2));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().path("errors").get(0).path("field").asString()).isEqualTo("result");
    }
}
