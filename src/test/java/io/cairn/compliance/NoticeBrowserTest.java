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
 * people and the counts, and the preview of the notice in both languages.
 */
class NoticeBrowserTest extends Browser.OnServer {

    @Test
    void aPrivacyOfficerImportsThePeopleOnAPhoneInDutchAndSeesTheCountsInEnglish() throws Exception {
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
    }
}
