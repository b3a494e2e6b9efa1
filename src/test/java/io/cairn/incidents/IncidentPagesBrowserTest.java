package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The incident pages in a real browser: reporting, the list, one incident and its actions. */
class IncidentPagesBrowserTest extends Browser.OnServer {

    TestUser handler;
    TestUser reporter;

    @BeforeEach
    void setUp() {
        handler = users.user("handler", Set.of(Role.HANDLER, Role.REPORTER));
        reporter = users.user("reporter", Set.of(Role.REPORTER));
    }

    @Test
    void reportsAnIncidentThroughTheFormAfterShowingTheMissingTitleNextToTheField() {
        browser.signIn(handler).open("/incidents/new");
        browser.type(By.id("description"), "A USB stick was found in the car park and plugged in.");
        browser.submit(By.cssSelector("form.report-form button[type=submit]"));

        assertThat(browser.text(By.id("title-error"))).isEqualTo("Fill this in.");
        assertThat(browser.find(By.id("title")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("description")).getAttribute("value")).startsWith("A USB stick");
        assertThat(browser.path()).isEqualTo("/incidents/new");

        browser.type(By.id("title"), "Unknown USB stick plugged in");
        new Select(browser.find(By.id("category"))).selectByValue("malicious-code/malware-distribution");
        new Select(browser.find(By.id("impact"))).selectByValue("high");
        new Select(browser.find(By.id("urgency"))).selectByValue("high");
        browser.setValue(By.id("occurredAt"), "2026-01-05T08:30");
        browser.submit(By.cssSelector("form.report-form button[type=submit]"));

        browser.waitFor(ExpectedConditions.urlMatches("/incidents/[0-9a-f-]{36}$"));
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Unknown USB stick plugged in");
        assertThat(browser.text(By.cssSelector(".notice.success"))).matches("Incident INC-\\d+ was reported\\.");
        assertThat(browser.text(By.cssSelector(".incident-header .priority"))).isEqualTo("P1");
        assertThat(browser.text(By.cssSelector(".facts"))).contains("Malicious Code");
        assertThat(browser.text(By.cssSelector(".times"))).contains("2026-01-05 08:30 UTC");
    }

    @Test
    void triagesAnIncidentAddsANoteAndShowsBothInTheTimeline() {
        IncidentView incident = reported(reporter, "Laptop stolen from a train");
        browser.signIn(handler).open("/incidents/" + incident.id());

        browser.submit(By.cssSelector("button[name=to][value=triage]"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("The status was changed.");
        browser.submit(By.cssSelector("button[name=to][value=analysis]"));
        browser.type(By.id("note-text"), "Asked IT to wipe the laptop remotely.");
        browser.submit(By.cssSelector(".note-form button[type=submit]"));

        assertThat(browser.text(By.cssSelector(".incident-header .status"))).isEqualTo("Analysis");
        assertThat(browser.findAll(By.cssSelector(".timeline .entry-text")))
                .extracting(element -> element.getText())
                .containsSubsequence(
                        "reported the incident; routing rule \u201cEverything else to the security team\u201d gave "
                                + "it its team",
                        "moved it from New to Triage",
                        "moved it from Triage to Analysis",
                        "added a note");
        assertThat(browser.text(By.cssSelector(".timeline .entry.note .entry-note")))
                .isEqualTo("Asked IT to wipe the laptop remotely.");
        assertThat(browser.find(By.cssSelector("button[name=to][value=containment]"))
                        .isDisplayed())
                .isTrue();
        browser.screenshot("incident-desktop");
        browser.phone().open("/incidents/" + incident.id());
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshotOfWindow("incident-phone");
    }

    @Test
    void showsTheRefusalNextToTheReasonFieldWhenDismissingWithoutAReasonAtTheIncidentsOwnAddress() {
        IncidentView incident = reported(reporter, "Odd pop-up on a kiosk");
        browser.signIn(handler).open("/incidents/" + incident.id());
        browser.submit(By.cssSelector("button[name=to][value=triage]"));

        browser.submit(By.cssSelector("button[name=to][value=dismissed]"));

        assertThat(browser.text(By.id("transition-reason-error")))
                .isEqualTo("Dismissing needs a reason; the reporter will read it.");
        assertThat(browser.find(By.id("transition-reason")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.text(By.cssSelector(".incident-header .status"))).isEqualTo("Triage");
        assertThat(browser.path()).isEqualTo("/incidents/" + incident.id());

        browser.driver().navigate().refresh();
        browser.waitFor(driver -> browser.script("return document.readyState").equals("complete"));
        assertThat(browser.path()).isEqualTo("/incidents/" + incident.id());
        assertThat(browser.findAll(By.id("transition-reason-error"))).isEmpty();
        assertThat(browser.text(By.cssSelector(".incident-header .status"))).isEqualTo("Triage");
    }

    @Test
    void reporterSeesTheirIncidentReadOnlyButMayAddNotes() {
        IncidentView incident = reported(reporter, "Phishing mail about a parcel");
        browser.signIn(reporter).open("/incidents/" + incident.id());

        assertThat(browser.findAll(By.cssSelector(".incident-actions"))).isEmpty();
        assertThat(browser.text(By.cssSelector(".read-only-note"))).contains("add notes");
        browser.type(By.id("note-text"), "I deleted the mail.");
        browser.submit(By.cssSelector(".note-form button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".timeline .entry.note .entry-note")))
                .isEqualTo("I deleted the mail.");
    }

    @Test
    void aReporterCannotOpenAnotherReportersIncident() {
        IncidentView incident = reported(reporter, "Someone else's report");
        TestUser other = users.user("other", Set.of(Role.REPORTER));

        browser.signIn(other).open("/incidents/" + incident.id());

        assertThat(browser.text(By.cssSelector(".error-status"))).isEqualTo("404");
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Not found");
        assertThat(browser.find(By.tagName("body")).getText()).doesNotContain("Someone else's report");
    }

    @Test
    void timesAreShownInTheReadersTimeZoneWithTheUtcTimeAsTheirTitle() {
        IncidentView incident = reported(reporter, "Badge cloned at the gate");
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Amsterdam"));
        try {
            browser.signIn(handler).open("/incidents/" + incident.id());

            WebElement reportedAt = browser.find(By.cssSelector(".times time"));
            DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            assertThat(reportedAt.getAttribute("title"))
                    .isEqualTo(minutes.format(incident.reportedAt().atZone(ZoneOffset.UTC)) + " UTC");
            assertThat(reportedAt.getText())
                    .startsWith(minutes.format(incident.reportedAt().atZone(ZoneId.of("Europe/Amsterdam"))) + " ")
                    .doesNotEndWith("UTC");
        } finally {
            chrome.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }

    private IncidentView reported(TestUser by, String title) {
        return users.as(
                by,
                () -> incidents
                        .report(NewIncident.of(title, "Seen this morning."))
                        .orRefuse());
    }
}
