package io.cairn.handling.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.IncidentCommands;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.Status;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SLA parts of the UI in a real browser: the live countdown on the incident page, a paused clock, acknowledging a
 * breach from the page with the unread badge in the header, and the SLA admin page refusing overlapping hours next
 * to the day.
 */
class SlaPagesBrowserTest extends Browser.OnServer {

    @Autowired
    SlaManagement sla;

    TestUser coordinator;

    @BeforeEach
    void setUp() {
        coordinator = users.user("sla-coordinator", Set.of(Role.COORDINATOR));
    }

    private IncidentView reported(String title, String impact, String urgency) {
        NewIncident report = new NewIncident(
                title,
                "Seen this morning.",
                null,
                null,
                null,
                impact,
                urgency,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return users.as(coordinator, () -> incidents.report(report).orRefuse());
    }

    private String countdown() {
        return browser.text(By.cssSelector("#sla .sla-clock[data-kind=response] .sla-countdown"));
    }

    @Test
    void theResponseCountdownTicksWithoutAReload() {
        IncidentView incident = reported("Beaconing to a known C2 host", "high", "high");
        browser.signIn(coordinator).open("/incidents/" + incident.id());

        browser.waitFor(driver -> countdown().matches("(59|60)m \\d+s left") ? true : null);
        String first = countdown();
        browser.waitFor(driver -> !countdown().equals(first) ? true : null);

        assertThat(countdown()).matches("\\d+m \\d+s left");
        assertThat(browser.find(By.cssSelector("#sla .sla-clock[data-kind=response]"))
                        .getAttribute("class"))
                .contains("on-track");
        assertThat(browser.text(By.cssSelector("#sla .sla-clock[data-kind=resolution] .sla-calendar")))
                .isEqualTo("Around the clock");
        assertThat(browser.findAll(By.cssSelector("#sla .sla-acknowledge"))).isEmpty();
        browser.screenshot("sla-countdown");
    }

    @Test
    void aPausedClockSaysSoAndABreachIsAcknowledgedFromThePage() {
        TestUser admin = users.user("sla-browser-admin", Set.of(Role.ADMIN));
        users.as(
                admin,
                () -> sla.setPolicy(
                                "P1", new SlaPolicyDefinition("1h", "8h", null, List.of("analysis"), 75, null, null))
                        .orRefuse());
        try {
            IncidentView incident = reported("Domain admin password in a paste", "high", "high");
            IncidentView triaged = users.as(
                    coordinator,
                    () -> incidents
                            .transition(
                                    incident.id(),
                                    new IncidentCommands.Transition(Status.TRIAGE, null, incident.version()))
                            .orRefuse());
            sla.scan(incident.reportedAt().plus(Duration.ofHours(8)).plusSeconds(5));
            users.as(
                    coordinator,
                    () -> incidents
                            .transition(
                                    incident.id(),
                                    new IncidentCommands.Transition(Status.ANALYSIS, null, triaged.version()))
                            .orRefuse());

            browser.signIn(coordinator).open("/incidents/" + incident.id());
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sla .sla-clock")));
            assertThat(browser.text(By.cssSelector("#sla .sla-clock[data-kind=resolution] .sla-countdown")))
                    .isEqualTo("paused");
            assertThat(browser.find(By.cssSelector("#sla .sla-clock[data-kind=resolution]"))
                            .getAttribute("class"))
                    .contains("breached");
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".inbox-badge .badge-count")));
            assertThat(Integer.parseInt(browser.text(By.cssSelector(".inbox-badge .badge-count"))))
                    .isPositive();

            browser.screenshot("sla-breached-paused");
            browser.submit(By.cssSelector("#sla .sla-acknowledge button"));

            assertThat(browser.text(By.cssSelector(".notice.success")))
                    .isEqualTo("The breach was acknowledged; its escalation stops.");
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sla .sla-clock")));
            assertThat(browser.findAll(By.cssSelector("#sla .sla-acknowledge"))).isEmpty();
            assertThat(browser.text(By.cssSelector("#sla"))).contains("breach acknowledged by sla-coordinator");

            browser.open("/notifications");
            assertThat(browser.findAll(By.cssSelector(".inbox-message .subject")))
                    .extracting(e -> e.getText())
                    .contains(incident.reference() + ": the resolution target was breached");
            browser.screenshot("sla-inbox");
        } finally {
            users.as(
                    admin,
                    () -> sla.setPolicy("P1", new SlaPolicyDefinition("1h", "8h", null, null, 75, null, null))
                            .orRefuse());
        }
    }

    @Test
    void theAdminPageShowsOverlappingHoursNextToTheDay() {
        TestUser admin = users.user("sla-page-admin", Set.of(Role.ADMIN));
        browser.signIn(admin).open("/admin/sla");

        browser.type(By.id("calendar-name"), TestUsers.unique("Night shift"));
        browser.type(By.id("week-wednesday"), "20:00-23:00, 22:00-23:30");
        browser.submit(By.id("save-calendar"));

        assertThat(browser.text(By.id("week-wednesday-error")))
                .isEqualTo("The hours 20:00-23:00 and 22:00-23:30 overlap");
        assertThat(browser.find(By.id("week-wednesday")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.screenshot("sla-admin-overlap");
        browser.type(By.id("week-wednesday"), "20:00-23:00");
        browser.submit(By.id("save-calendar"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("The calendar was saved.");
    }
}
