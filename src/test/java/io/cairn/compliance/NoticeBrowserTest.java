package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The notice page in a real browser on a phone, in Dutch and in English: a privacy officer imports a file with bad
 * lines and reads every problem by line and column in their language, then imports the good lines only and sees the
 * people and the counts, and the preview of the notice in both languages; then sends it and follows the progress bar,
 * which refreshes by itself as mails go out, in English and in Dutch; and settles a mail whose outcome a stopped server
 * left unknown.
 */
class NoticeBrowserTest extends Browser.OnServer {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aPrivacyOfficerImportsThePeopleOnAPhoneInDutchSeesTheCountsInEnglishAndFollowsTheSending() throws Exception {
        String s = Long.toString(System.nanoTime(), 36);
        TestUser officer = users.user("nb-dpo-" + s, Set.of(Role.PRIVACY_OFFICER, Role.COORDINATOR));
        ApiClient admin = new ApiClient(
                port, users.user("nb-admin-" + s, Set.of(Role.ADMIN)).token());
        ApiClient api = new ApiClient(port, officer.token());
        String entity = ComplianceFixture.legalEntity(admin, "Kliniek " + s, "not-in-scope", officer.id());
        String unit = ComplianceFixture.businessUnit(admin, "Kliniek " + s, entity);
        String incident = api.post(
                        "/api/v1/incidents",
                        Map.of("title", "Laptop kwijt " + s, "description", "onversleuteld", "businessUnit", unit))
                .json()
                .path("id")
                .asString();
        String obligation = NoticeServerTest.highRisk(api, incident)[0];
        Path file = Files.createTempFile("people", ".csv");
        Files.writeString(file, NoticeServerTest.BAD_FILE, StandardCharsets.UTF_8);

        browser.phone().signIn(officer).open("/incidents/" + incident + "?lang=nl");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.notice-link")));
        browser.click(By.cssSelector("a.notice-link"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("notice-file")));
        browser.find(By.id("notice-file")).sendKeys(file.toAbsolutePath().toString());
        browser.click(By.cssSelector("form.notice-import-form button"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-problem")));
        assertThat(browser.findAll(By.cssSelector(".import-problem")).stream()
                        .map(row -> row.getText())
                        .toList())
                .hasSize(3)
                .anySatisfy(row -> assertThat(row).contains("Regel 3, kolom 2 (e-mail)", "geen e-mailadres"));
        assertThat(browser.text(By.cssSelector(".import-problems"))).contains("3 regels met problemen");
        assertThat(browser.overflowsSideways())
                .as("the Dutch problems stick out sideways on a phone")
                .isFalse();
        browser.screenshot("notice-import-problems-nl");

        browser.find(By.id("notice-file")).sendKeys(file.toAbsolutePath().toString());
        browser.click(By.id("bad-lines-skip"));
        browser.click(By.cssSelector("form.notice-import-form button"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice-person")));
        assertThat(browser.text(By.cssSelector(".notice-import"))).contains("2 personen ingelezen");
        assertThat(browser.text(By.cssSelector(".count-people"))).isEqualTo("2");
        assertThat(browser.findAll(By.cssSelector(".notice-person"))).hasSize(2);
        assertThat(browser.text(By.cssSelector(".notice-people"))).contains("Jansen, D.", "in de wachtrij");

        browser.open("/incidents/" + incident + "/compliance/obligations/" + obligation + "/notice?lang=en");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice-counts")));
        assertThat(browser.text(By.cssSelector(".notice-counts"))).contains("People", "Sent", "Bounced");
        assertThat(browser.text(By.cssSelector(".notice-people")))
                .contains("queued")
                .doesNotContain("wachtrij");
        assertThat(browser.findAll(By.cssSelector("details.notice-preview"))).hasSize(2);
        assertThat(browser.overflowsSideways())
                .as("the English page sticks out sideways on a phone")
                .isFalse();
        browser.screenshot("notice-people-en");

        browser.click(By.cssSelector("form.notice-send-form button"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("notice-progress")));
        assertThat(browser.text(By.cssSelector(".notice-progress"))).contains("0 of 2 people dealt with");
        // the sender's first mail goes out: the page follows without being reloaded
        jdbc.sql("update compliance_notice_recipient set status = 'sent', sent_at = now() "
                        + "where obligation_id = ?::uuid and lower(email) = 'anna@example.nl'")
                .param(obligation)
                .update();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice-progress"), "1 of 2 people dealt with"));
        assertThat(browser.find(By.id("notice-progress")).getAttribute("value")).isEqualTo("1");
        assertThat(browser.find(By.id("notice-progress")).getAttribute("max")).isEqualTo("2");
        assertThat(browser.text(By.cssSelector(".count-sent"))).isEqualTo("1");
        assertThat(browser.overflowsSideways())
                .as("the progress sticks out sideways on a phone")
                .isFalse();
        browser.screenshot("notice-progress-en");

        browser.open("/incidents/" + incident + "/compliance/obligations/" + obligation + "/notice?lang=nl");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("notice-progress")));
        assertThat(browser.text(By.cssSelector(".notice-progress"))).contains("1 van 2 personen afgehandeld");
        assertThat(browser.findAll(By.cssSelector("form.notice-send-form"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("form.notice-import-form")))
                .as("nobody is added once sending started")
                .isEmpty();
        assertThat(browser.overflowsSideways())
                .as("the Dutch progress sticks out sideways on a phone")
                .isFalse();

        // a server stopped while the other mail was being sent: its outcome is unknown, for the officer to settle
        jdbc.sql("update compliance_notice_recipient set status = 'unknown', message_id = '<lost@cairn.test>' "
                        + "where obligation_id = ?::uuid and status = 'queued'")
                .param(obligation)
                .update();
        browser.open("/incidents/" + incident + "/compliance/obligations/" + obligation + "/notice?lang=nl");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.notice-settle-form")));
        assertThat(browser.text(By.cssSelector(".notice-unknown")))
                .contains("Te controleren bezorgingen (1)", "Jansen, D.");
        assertThat(browser.overflowsSideways())
                .as("the deliveries to check stick out sideways on a phone")
                .isFalse();
        browser.screenshot("notice-unknown-nl");
        // without a note (the browser's own check taken away): refused, the field named by its Dutch label
        browser.script("document.getElementById('settle-note').removeAttribute('required')");
        browser.click(By.cssSelector("form.notice-settle-form button"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-problem")));
        assertThat(browser.text(By.cssSelector(".import-problem"))).contains("Wat u hebt gecontroleerd");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("settle-outcome"))).selectByValue("sent");
        browser.find(By.id("settle-note")).sendKeys("Aangenomen volgens het logboek van de mailserver");
        browser.click(By.cssSelector("form.notice-settle-form button"));
        browser.waitFor(ExpectedConditions.textToBe(By.cssSelector(".count-sent"), "2"));
        assertThat(browser.findAll(By.cssSelector("form.notice-settle-form"))).isEmpty();
        assertThat(browser.text(By.cssSelector(".notice-people"))).contains("Aangenomen volgens het logboek");
    }
}
