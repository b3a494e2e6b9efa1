package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The report to the supervisory authority on the incident's compliance section in a real browser on a phone, in Dutch
 * and in English: the draft names what is still empty, the handler fills it in, a late submission without the reason
 * for the delay is refused next to the field, and with it the report is submitted, late and frozen.
 */
class SubmissionFormBrowserTest extends Browser.OnServer {

    @Test
    void aPrivacyOfficerFillsInAndSubmitsALateNotificationOnAPhoneInDutchAndSeesItInEnglish() {
        String s = Long.toString(System.nanoTime(), 36);
        TestUser officer = users.user("sf-dpo-" + s, Set.of(Role.PRIVACY_OFFICER, Role.COORDINATOR));
        ApiClient admin = new ApiClient(
                port, users.user("sf-admin-" + s, Set.of(Role.ADMIN)).token());
        ApiClient api = new ApiClient(port, officer.token());
        String entity = ComplianceFixture.legalEntity(admin, "Kliniek " + s, "not-in-scope", officer.id());
        String unit = ComplianceFixture.businessUnit(admin, "Kliniek " + s, entity);
        String incident = api.post(
                        "/api/v1/incidents",
                        Map.of("title", "Laptop kwijt " + s, "description", "onversleuteld", "businessUnit", unit))
                .json()
                .path("id")
                .asString();
        String compliance = "/api/v1/incidents/" + incident + "/compliance";
        api.put(
                compliance + "/facts/gdpr.awareness",
                Map.of("at", Instant.now().minus(Duration.ofDays(4)).toString(), "justification", "log", "version", 0));
        api.put(
                compliance + "/decisions/personal-data-breach",
                Map.of(
                        "result",
                        "yes",
                        "rationale",
                        "patiëntgegevens",
                        "inputs",
                        Map.of(
                                "data-categories",
                                "diagnoses",
                                "approximate-subjects",
                                40,
                                "approximate-records",
                                40,
                                "subject-categories",
                                "patiënten"),
                        "version",
                        0));
        api.put(compliance + "/decisions/gdpr-risk", Map.of("result", "risk", "rationale", "misbruik", "version", 0));
        String obligation =
                api.get(compliance).json().path("obligations").get(0).path("id").asString();
        String report = "report-" + obligation + "-supervisory-authority";
        String prefix = obligation + "-supervisory-authority";

        browser.phone().signIn(officer).open("/incidents/" + incident + "?lang=nl");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id(report)));
        assertThat(browser.text(By.cssSelector("#" + report + " .report-missing")))
                .isEqualTo("Nog leeg: Genomen of voorgestelde maatregelen");
        browser.click(By.cssSelector("#" + report + " details.record > summary"));
        browser.type(By.id("rf-" + prefix + "-measures"), "Laptop op afstand gewist; wachtwoorden vervangen");
        browser.click(By.cssSelector("#" + report + " form.report-draft button"));
        browser.waitFor(driver -> browser.findAll(By.cssSelector("#" + report + " .report-missing"))
                        .isEmpty()
                ? true
                : null);
        assertThat(browser.text(By.id(report))).contains("Concept versie 1");

        browser.setValue(By.id("rs-" + prefix + "-channel"), "e-mail");
        browser.click(By.cssSelector("#" + report + " form.report-submit button"));
        browser.waitFor(
                driver -> browser.findAll(By.cssSelector("#" + report + " form.report-submit .field-error")).stream()
                                .anyMatch(error -> error.getText().contains("zeg waarom ze te laat is"))
                        ? true
                        : null);
        assertThat(browser.overflowsSideways())
                .as("the Dutch form sticks out sideways on a phone")
                .isFalse();
        browser.screenshot("submission-form-nl");

        browser.type(By.id("rs-" + prefix + "-delay"), "De omvang was pas na het forensisch onderzoek bekend");
        browser.click(By.cssSelector("#" + report + " form.report-submit button"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + report + " .submission")));
        assertThat(browser.text(By.cssSelector("#" + report + " .submission"))).contains("te laat", "e-mail");
        assertThat(browser.text(By.cssSelector("#" + report + " .stage-status")))
                .isEqualTo("ingediend");

        browser.open("/incidents/" + incident + "?lang=en");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id(report)));
        assertThat(browser.text(By.cssSelector("#" + report + " .stage-status")))
                .isEqualTo("submitted");
        assertThat(browser.text(By.cssSelector("#" + report + " .submission")))
                .contains("late", "De omvang", "Reason for the delay")
                .doesNotContain("te laat");
        assertThat(browser.overflowsSideways())
                .as("the English page sticks out sideways on a phone")
                .isFalse();
        browser.screenshot("submission-form-en");
    }
}
