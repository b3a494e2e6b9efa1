package io.cairn.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.Axe;
import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * The report portal in a real browser, on a phone (375 x 812) and on a desktop: reporting through templates end to
 * end, following up with a code, messages next to the fields, accessibility and no sideways overflow at 360 px.
 */
class PortalBrowserTest extends Browser.OnServer {

    private static final Map<String, Consumer<Browser>> SCREENS =
            Map.of("phone", Browser::phone, "desktop", Browser::desktop);

    @TempDir
    Path files;

    TestUser reporter;
    ApiClient handler;
    ApiClient admin;
    String deviceLabel;

    @BeforeEach
    void people() {
        reporter = users.user("portal", Set.of(Role.REPORTER));
        String s = Long.toString(System.nanoTime(), 36);
        handler = new ApiClient(
                port,
                users.userNamed("pbh-" + s, Set.of(Role.HANDLER, Role.COORDINATOR))
                        .token());
        admin = new ApiClient(
                port, users.userNamed("pba-" + s, Set.of(Role.ADMIN)).token());
        deviceLabel = "ThinkPad " + s;
        ApiClient.Answer device = admin.post(
                "/api/v1/devices",
                Map.of(
                        "name",
                        deviceLabel,
                        "kind",
                        "laptop",
                        "identifier",
                        "TP-" + s,
                        "holder",
                        reporter.id().toString()));
        assertThat(device.status()).as(device.toString()).isEqualTo(201);
    }

    @Test
    void reportsThroughThreeTemplatesEndToEndOnAPhoneAndADesktop() throws IOException {
        Path photo = Files.write(files.resolve("defaced.png"), AttachmentUploadTest.PNG);
        for (Map.Entry<String, Consumer<Browser>> screen : SCREENS.entrySet()) {
            String on = " on a " + screen.getKey();
            browser.at(port);
            screen.getValue().accept(browser);

            browser.driver().manage().deleteAllCookies();
            choose(browser, "unauthorised-access");
            browser.type(By.id("q-what"), "Payroll share")
                    .type(By.id("q-details"), "A contractor opened salary files")
                    .submit(By.cssSelector("form[data-file-form] button[type=submit]"));
            String anonymousReference = receiptShown(browser, on);
            assertThat(browser.text(By.cssSelector("[data-follow-up-code]")))
                    .as("code" + on)
                    .matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}");

            browser.signIn(reporter);
            choose(browser, "lost-device");
            String device = browser.find(By.cssSelector("#q-device option:nth-child(2)"))
                    .getAttribute("value");
            browser.click(By.cssSelector("#q-device option[value='" + device + "']"))
                    .setValue(By.id("q-when"), "2026-11-21T18:00")
                    .click(By.cssSelector("input[name='answer.how'][value='stolen']"))
                    .submit(By.cssSelector("form[data-file-form] button[type=submit]"));
            String deviceReference = receiptShown(browser, on);
            assertThat(incident(deviceReference).get("description").asString())
                    .as("device" + on)
                    .contains(deviceLabel);

            choose(browser, "service-down");
            browser.type(By.id("q-service"), "Intranet")
                    .click(By.cssSelector("input[name='answer.symptom'][value='defaced']"));
            browser.find(By.id("q-screenshot")).sendKeys(photo.toAbsolutePath().toString());
            browser.submit(By.cssSelector("form[data-file-form] button[type=submit]"));
            String fileReference = receiptShown(browser, on);
            JsonNode attachments = handler.get("/api/v1/incidents/"
                            + incident(fileReference).get("id").asString() + "/attachments")
                    .json();
            assertThat(attachments.size()).as("attachments" + on).isEqualTo(1);
            assertThat(attachments.get(0).get("contentType").asString()).isEqualTo("image/png");
            assertThat(anonymousReference).isNotEqualTo(deviceReference).isNotEqualTo(fileReference);
        }
    }

    @Test
    void theAnonymousReporterFollowsUpWithTheCodeAndAnswersTheHandlersQuestion() {
        for (Map.Entry<String, Consumer<Browser>> screen : SCREENS.entrySet()) {
            ApiClient.Answer receipt = new ApiClient(port, null)
                    .post(
                            "/api/v1/public/reports",
                            Map.of(
                                    "template",
                                    "unauthorised-access",
                                    "answers",
                                    Map.of("what", "Server room", "details", "Door left open")));
            String code = receipt.json().get("followUpCode").asString();
            String incident = incident(receipt.json().get("reference").asString())
                    .get("id")
                    .asString();
            String question = "Which door was it, on the " + screen.getKey() + "?";
            assertThat(handler.post("/api/v1/incidents/" + incident + "/questions", Map.of("text", question))
                            .status())
                    .isBetween(200, 201);
            browser.at(port);
            screen.getValue().accept(browser);
            browser.driver().manage().deleteAllCookies();

            browser.open("/follow-up")
                    .type(By.id("code"), code.toLowerCase(java.util.Locale.ROOT))
                    .submit(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.text(By.cssSelector("main .badge"))).isNotBlank();
            assertThat(browser.text(By.cssSelector("main .conversation"))).contains(question);
            browser.type(By.id("reply"), "The back door of the server room")
                    .submit(By.cssSelector("main form button[type=submit]"));

            assertThat(browser.text(By.cssSelector("main .conversation"))).contains("The back door of the server room");
            assertThat(handler.get("/api/v1/incidents/" + incident + "/timeline")
                            .body())
                    .contains("The back door of the server room");
        }
    }

    @Test
    void aReplyIsSentOnceHoweverOftenThePageIsReloaded() {
        ApiClient auditor =
                new ApiClient(port, users.user("pbau", Set.of(Role.AUDITOR)).token());
        ApiClient.Answer receipt = new ApiClient(port, null)
                .post(
                        "/api/v1/public/reports",
                        Map.of(
                                "template",
                                "unauthorised-access",
                                "answers",
                                Map.of("what", "Badge reader", "details", "It beeps at night")));
        String code = receipt.json().get("followUpCode").asString();
        String incident =
                incident(receipt.json().get("reference").asString()).get("id").asString();
        browser.open("/follow-up").type(By.id("code"), code).submit(By.cssSelector("main form button[type=submit]"));
        int recordsBefore = auditor.get("/api/v1/audit/records?limit=1000&object=" + incident)
                .json()
                .size();

        browser.type(By.id("reply"), "It beeps at three in the morning")
                .submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.cssSelector("main .conversation"))).contains("It beeps at three in the morning");
        assertThat(browser.path()).isEqualTo("/follow-up");
        int recordsAfterReply = auditor.get("/api/v1/audit/records?limit=1000&object=" + incident)
                .json()
                .size();
        browser.driver().navigate().refresh();
        browser.waitFor(driver -> browser.script("return document.readyState").equals("complete"));

        assertThat(handler.get("/api/v1/incidents/" + incident + "/timeline")
                        .body()
                        .split("It beeps at three in the morning", -1))
                .hasSize(2);
        // the reply is audited; other records of the incident (checks that run on a schedule) may follow it, so
        // the count is not compared across the reload
        assertThat(recordsAfterReply).isGreaterThan(recordsBefore);
    }

    @Test
    void problemsAreShownNextToTheirFieldsAndTheOtherAnswersAreKept() throws IOException {
        Path program = Files.write(files.resolve("screenshot.png"), AttachmentUploadTest.WINDOWS_PROGRAM);
        Path huge = files.resolve("huge.png");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(25L * 1024 * 1024 + 1);
        }
        for (Map.Entry<String, Consumer<Browser>> screen : SCREENS.entrySet()) {
            browser.at(port);
            screen.getValue().accept(browser);
            browser.driver().manage().deleteAllCookies();

            browser.open("/report/unauthorised-access")
                    .type(By.id("q-details"), "Saw it at noon")
                    .submit(By.cssSelector("form[data-file-form] button[type=submit]"));
            assertThat(browser.text(By.id("q-what-error"))).isEqualTo("Please answer this question.");
            assertThat(browser.find(By.id("q-what")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(browser.find(By.id("q-details")).getAttribute("value")).isEqualTo("Saw it at noon");

            browser.open("/report/service-down")
                    .type(By.id("q-service"), "Intranet")
                    .click(By.cssSelector("input[name='answer.symptom'][value='defaced']"));
            browser.find(By.id("q-screenshot"))
                    .sendKeys(program.toAbsolutePath().toString());
            browser.submit(By.cssSelector("form[data-file-form] button[type=submit]"));
            assertThat(browser.text(By.id("q-screenshot-error"))).startsWith("Programs and scripts are not accepted");
            assertThat(browser.find(By.id("q-service")).getAttribute("value")).isEqualTo("Intranet");

            browser.find(By.id("q-screenshot")).sendKeys(huge.toAbsolutePath().toString());
            browser.click(By.cssSelector("form[data-file-form] button[type=submit]"));
            String tooLarge = browser.waitFor(driver ->
                    driver.findElement(By.id("q-screenshot-error")).getText().startsWith("This file is larger")
                            ? driver.findElement(By.id("q-screenshot-error")).getText()
                            : null);
            assertThat(tooLarge).startsWith("This file is larger than 25 MB");
            assertThat(browser.path()).as("nothing was sent").startsWith("/report/service-down");
            assertThat(browser.find(By.id("q-service")).getAttribute("value")).isEqualTo("Intranet");

            browser.script("document.getElementById('q-screenshot').removeAttribute('data-max-size');");
            browser.submit(By.cssSelector("form[data-file-form] button[type=submit]"));
            assertThat(browser.text(By.cssSelector("main h1")))
                    .as("without the script's check")
                    .isEqualTo("File too large");
        }
    }

    @Test
    void thePortalPagesHaveNoSeriousAccessibilityProblemsAndFitA360PixelScreen() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Consumer<Browser>> screen : SCREENS.entrySet()) {
            screen.getValue().accept(browser);
            browser.driver().manage().deleteAllCookies();
            check(browser.open("/report"), screen.getKey(), problems);
            check(browser.open("/report/lost-device"), screen.getKey(), problems);
            browser.submit(By.cssSelector("form[data-file-form] button[type=submit]"));
            check(browser, screen.getKey(), problems);
            check(browser.open("/report/service-down"), screen.getKey(), problems);
            browser.type(By.id("q-service"), "Intranet")
                    .click(By.cssSelector("input[name='answer.symptom'][value='down']"))
                    .submit(By.cssSelector("form[data-file-form] button[type=submit]"));
            check(browser, screen.getKey(), problems);
            String code = browser.text(By.cssSelector("[data-follow-up-code]"));
            check(browser.open("/follow-up"), screen.getKey(), problems);
            browser.type(By.id("code"), code).submit(By.cssSelector("main form button[type=submit]"));
            check(browser, screen.getKey(), problems);

            browser.signIn(reporter);
            browser.open("/report/something-else")
                    .type(By.id("q-what"), "A stranger asked for my badge")
                    .submit(By.cssSelector("form[data-file-form] button[type=submit]"));
            check(browser.open("/reports"), screen.getKey(), problems);
            browser.submit(By.cssSelector("main a[href*='/reports/']"));
            check(browser, screen.getKey(), problems);
        }
        assertThat(problems).isEmpty();
    }

    /** Axe on the page as it is, then whether it overflows at 360 px; the screen is restored afterwards. */
    private static void check(Browser browser, String screen, List<String> problems) {
        String page = browser.path();
        Axe.seriousProblems(browser).forEach(problem -> problems.add(page + " on a " + screen + ": " + problem));
        browser.smallPhone();
        if (browser.overflowsSideways()) {
            problems.add(page + " overflows sideways at 360 px");
        }
        SCREENS.get(screen).accept(browser);
    }

    private static void choose(Browser browser, String template) {
        browser.open("/report").submit(By.cssSelector("a.situation[href$='/report/" + template + "']"));
        assertThat(browser.path()).startsWith("/report/" + template);
    }

    private static String receiptShown(Browser browser, String on) {
        assertThat(browser.path()).as("done" + on).startsWith("/report/done");
        assertThat(browser.findAll(By.cssSelector("main .tips li")))
                .as("tips" + on)
                .isNotEmpty();
        String reference = browser.text(By.cssSelector("[data-reference]"));
        assertThat(reference).as("reference" + on).matches("INC-\\d+");
        return reference;
    }

    private JsonNode incident(String reference) {
        JsonNode found = handler.get("/api/v1/incidents?q=" + reference).json().get("items");
        assertThat(found.size()).as(reference).isEqualTo(1);
        return handler.get("/api/v1/incidents/" + found.get(0).get("id").asString())
                .json();
    }
}
