package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.identity.Role;
import io.cairn.shared.Outcome;
import io.cairn.shared.Refusal;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Files added to incidents: the type is sniffed, programs and files over the limit are refused whole, only those who
 * may add notes (or hold the follow-up code) add, and downloads never let a browser run what it receives.
 */
class AttachmentUploadTest extends ApiClient.OnServer {

    static final byte[] PNG = bytes(new int[] {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d});
    static final byte[] WINDOWS_PROGRAM = bytes(new int[] {'M', 'Z', 0x90, 0, 3, 0, 0, 0, 4});
    static final byte[] LINUX_PROGRAM = bytes(new int[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    static final byte[] MAC_PROGRAM = bytes(new int[] {0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1});
    static final byte[] SCRIPT = "#!/bin/sh\nrm -rf ~\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IntakeManagement intake;

    ApiClient handler;
    ApiClient reporter;
    ApiClient otherReporter;
    ApiClient auditor;
    ApiClient anonymous;

    @BeforeEach
    void people() {
        String s = Long.toString(System.nanoTime(), 36);
        handler = client(users.userNamed("ath-" + s, Set.of(Role.HANDLER, Role.COORDINATOR)));
        reporter = client(users.userNamed("atr-" + s, Set.of(Role.REPORTER)));
        otherReporter = client(users.userNamed("ato-" + s, Set.of(Role.REPORTER)));
        auditor = client(users.userNamed("ata-" + s, Set.of(Role.AUDITOR)));
        anonymous = new ApiClient(port, null);
    }

    @Test
    void aHandlerAddsAFileWhoseTypeIsSniffedNotTrustedAndTheAuditTrailRecordsIt() {
        String incident = incidentReportedBy(handler);

        ApiClient.Answer added = upload(
                handler,
                "/api/v1/incidents/" + incident + "/attachments",
                Map.of(),
                "screenshot.txt",
                "text/plain",
                PNG);

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("contentType").asString()).isEqualTo("image/png");
        assertThat(added.json().get("declaredContentType").asString()).isEqualTo("text/plain");
        assertThat(handler.get("/api/v1/incidents/" + incident + "/attachments")
                        .json()
                        .size())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'attachment.stored' and object_id = ?")
                        .param(added.json().get("id").asString() + " of incident " + incident)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(handler.get("/api/v1/incidents/" + incident + "/timeline").body())
                .contains("Attached screenshot.txt");
    }

    @Test
    void programsAreRefusedWhateverTheyAreCalledAndNothingIsKept() {
        String incident = incidentReportedBy(handler);
        Map<String, byte[]> programs = Map.of(
                "invoice.pdf",
                WINDOWS_PROGRAM,
                "photo.jpg",
                LINUX_PROGRAM,
                "notes.txt",
                MAC_PROGRAM,
                "readme.md",
                SCRIPT);

        programs.forEach((name, content) -> {
            ApiClient.Answer refused = upload(
                    handler,
                    "/api/v1/incidents/" + incident + "/attachments",
                    Map.of(),
                    name,
                    "application/pdf",
                    content);
            assertThat(refused.status()).as(name + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("file");
            assertThat(refused.json().get("errors").get(0).get("message").asString())
                    .startsWith("is a program");
        });

        assertThat(handler.get("/api/v1/incidents/" + incident + "/attachments")
                        .json()
                        .size())
                .isZero();
        assertThat(handler.get("/api/v1/incidents/" + incident + "/timeline").body())
                .doesNotContain("Attached");
    }

    @Test
    void aFileOverTheLimitIsA413ThatNamesTheLimit() {
        String incident = incidentReportedBy(handler);
        byte[] large = new byte[25 * 1024 * 1024 + 1];

        ApiClient.Answer refused = upload(
                handler,
                "/api/v1/incidents/" + incident + "/attachments",
                Map.of(),
                "disk.img",
                "application/octet-stream",
                large);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("25 MB");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(handler.get("/api/v1/incidents/" + incident + "/attachments")
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void theReporterAddsToTheirOwnReportButNoOneElseWhoCannotSeeItEvenLearnsItExists() {
        String incident = incidentReportedBy(reporter);

        assertThat(upload(
                                reporter,
                                "/api/v1/incidents/" + incident + "/attachments",
                                Map.of(),
                                "photo.png",
                                "image/png",
                                PNG)
                        .status())
                .isEqualTo(201);
        String attachment = handler.get("/api/v1/incidents/" + incident + "/attachments")
                .json()
                .get(0)
                .get("id")
                .asString();

        assertThat(upload(
                                otherReporter,
                                "/api/v1/incidents/" + incident + "/attachments",
                                Map.of(),
                                "x.png",
                                "image/png",
                                PNG)
                        .status())
                .isEqualTo(404);
        assertThat(otherReporter
                        .get("/api/v1/incidents/" + incident + "/attachments")
                        .status())
                .isEqualTo(404);
        assertThat(otherReporter
                        .get("/api/v1/incidents/" + incident + "/attachments/" + attachment)
                        .status())
                .isEqualTo(404);
        assertThat(upload(
                                auditor,
                                "/api/v1/incidents/" + incident + "/attachments",
                                Map.of(),
                                "x.png",
                                "image/png",
                                PNG)
                        .status())
                .as("auditors only read")
                .isEqualTo(403);
        assertThat(upload(
                                handler,
                                "/api/v1/incidents/" + UUID.randomUUID() + "/attachments",
                                Map.of(),
                                "x.png",
                                "image/png",
                                PNG)
                        .status())
                .isEqualTo(404);
        assertThat(handler.get("/api/v1/incidents/" + incident + "/attachments")
                        .json()
                        .size())
                .isEqualTo(1);
    }

    @Test
    void theHolderOfAFollowUpCodeAddsAFileAndAWrongCodeAddsNothing() {
        ApiClient.Answer receipt = anonymous.post(
                "/api/v1/public/reports",
                Map.of(
                        "template",
                        "unauthorised-access",
                        "answers",
                        Map.of("what", "Payroll share", "details", "A contractor opened salary files")));
        String code = receipt.json().get("followUpCode").asString();
        String incident = handler.get(
                        "/api/v1/incidents?q=" + receipt.json().get("reference").asString())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();

        ApiClient.Answer added = upload(
                anonymous, "/api/v1/public/follow-up/attachments", Map.of("code", code), "door.png", "image/png", PNG);
        ApiClient.Answer wrongCode = upload(
                anonymous,
                "/api/v1/public/follow-up/attachments",
                Map.of("code", "AAAA-BBBB-CCCC-DDDD-EEEE"),
                "door.png",
                "image/png",
                PNG);
        ApiClient.Answer program = upload(
                anonymous,
                "/api/v1/public/follow-up/attachments",
                Map.of("code", code),
                "door.png",
                "image/png",
                WINDOWS_PROGRAM);

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(wrongCode.json().get("errors").get(0).get("field").asString())
                .isEqualTo("code");
        assertThat(program.status()).isEqualTo(400);
        assertThat(program.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        JsonNode kept =
                handler.get("/api/v1/incidents/" + incident + "/attachments").json();
        assertThat(kept.size()).isEqualTo(1);
        assertThat(kept.get(0).get("filename").asString()).isEqualTo("door.png");
        assertThat(jdbc.sql("select actor_name from audit_record where action = 'attachment.stored' and object_id = ?")
                        .param(kept.get(0).get("id").asString() + " of incident " + incident)
                        .query(String.class)
                        .single())
                .isEqualTo("anonymous reporter");
    }

    @Test
    void imagesAreShownInlineWithTheirRealTypeInASandbox() {
        String incident = incidentReportedBy(handler);
        String id = upload(
                        handler,
                        "/api/v1/incidents/" + incident + "/attachments",
                        Map.of(),
                        "photo.bin",
                        "application/octet-stream",
                        PNG)
                .json()
                .get("id")
                .asString();

        ApiClient.Answer shown = handler.get("/api/v1/incidents/" + incident + "/attachments/" + id);

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.header("Content-Type")).isEqualTo("image/png");
        assertThat(shown.header("Content-Disposition")).startsWith("inline").contains("photo.bin");
        assertThat(shown.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(shown.header("Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");
    }

    @Test
    void everythingElseIsADownloadEvenWhenItClaimsToBeAnImage() {
        String incident = incidentReportedBy(handler);
        Map<String, String> files = Map.of(
                "drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "page.html", "<!DOCTYPE html><html><script>alert(1)</script></html>",
                "notes.txt", "just text");

        files.forEach((name, content) -> {
            String id = upload(
                            handler,
                            "/api/v1/incidents/" + incident + "/attachments",
                            Map.of(),
                            name,
                            "image/png",
                            content.getBytes(StandardCharsets.UTF_8))
                    .json()
                    .get("id")
                    .asString();
            ApiClient.Answer download = handler.get("/api/v1/incidents/" + incident + "/attachments/" + id);
            assertThat(download.header("Content-Type")).as(name).isEqualTo("application/octet-stream");
            assertThat(download.header("Content-Disposition"))
                    .as(name)
                    .startsWith("attachment")
                    .contains(name);
            assertThat(download.header("X-Content-Type-Options")).as(name).isEqualTo("nosniff");
            assertThat(download.header("Content-Security-Policy")).as(name).isEqualTo("sandbox; default-src 'none'");
        });
    }

    @Test
    void anUploadWithoutAFileNamesTheMissingField() {
        String incident = incidentReportedBy(handler);

        ApiClient.Answer refused = upload(
                handler,
                "/api/v1/incidents/" + incident + "/attachments",
                Map.of("note", "no file here"),
                null,
                null,
                new byte[0]);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void aFileQuestionIsAnsweredByAnUploadThatIsKeptWithTheReport() {
        ReportSubmission submission = new ReportSubmission(
                "service-down", Map.of("service", "Intranet", "symptom", "defaced"), null, "en", null);

        AnonymousReceipt receipt = intake.submitAnonymousReport(
                        submission,
                        Map.of("screenshot", new UploadedFile("C:\\Users\\me\\defaced.png", "image/png", PNG)))
                .orRefuse();

        String incident = handler.get("/api/v1/incidents?q=" + receipt.reference())
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        JsonNode kept =
                handler.get("/api/v1/incidents/" + incident + "/attachments").json();
        assertThat(kept.size()).isEqualTo(1);
        assertThat(kept.get(0).get("filename").asString()).isEqualTo("defaced.png");
        assertThat(handler.get("/api/v1/incidents/" + incident + "/report").body())
                .contains("defaced.png (12 bytes, image/png)");
    }

    @Test
    void aReportWithARefusedFileNamesItsQuestionAndKeepsNothing() {
        long attachments = jdbc.sql("select count(*) from intake_attachment")
                .query(Long.class)
                .single();
        ReportSubmission submission = new ReportSubmission(
                "service-down", Map.of("service", "Intranet", "symptom", "defaced"), null, "en", null);

        Outcome<AnonymousReceipt> refused = intake.submitAnonymousReport(
                submission, Map.of("screenshot", new UploadedFile("defaced.png", "image/png", WINDOWS_PROGRAM)));
        Outcome<AnonymousReceipt> textForAFile = intake.submitAnonymousReport(
                new ReportSubmission(
                        "service-down",
                        Map.of("service", "Intranet", "symptom", "defaced", "screenshot", "see my mail"),
                        null,
                        "en",
                        null),
                Map.of());

        assertThat(problems(refused)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("answers.screenshot");
            assertThat(problem.message()).startsWith("is a program");
        });
        assertThat(problems(textForAFile))
                .singleElement()
                .satisfies(problem -> assertThat(problem.field()).isEqualTo("answers.screenshot"));
        assertThat(jdbc.sql("select count(*) from intake_attachment")
                        .query(Long.class)
                        .single())
                .isEqualTo(attachments);
    }

    private static java.util.List<Refusal.FieldProblem> problems(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) outcome).refusal().fields();
    }

    private String incidentReportedBy(ApiClient client) {
        ApiClient.Answer created = client.post(
                "/api/v1/incidents", Map.of("title", "Odd file on the share", "description", "Found an odd file"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Posts a multipart form: text parts, and the file as {@code file} when a name is given. */
    static ApiClient.Answer upload(
            ApiClient client,
            String path,
            Map<String, String> fields,
            @org.jspecify.annotations.Nullable String filename,
            @org.jspecify.annotations.Nullable String type,
            byte[] content) {
        String boundary = "cairn" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        if (filename != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.postRaw(
                path,
                "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static byte[] bytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
