package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The observables section of the incident page in a real browser, on a phone: add, correlate, refuse, remove. */
class ObservablesBrowserTest extends Browser.OnServer {

    TestUser handler;

    @BeforeEach
    void setUp() {
        handler = users.user("observer", Set.of(Role.HANDLER, Role.REPORTER));
    }

    @Test
    void aHandlerAddsAnObservableSeesTheOtherIncidentThatSharesItAndRemovesIt() {
        IncidentView earlier = reported("Scan from an unknown address");
        users.as(
                handler,
                () -> incidents
                        .addObservable(
                                earlier.id(), new ObservableCommands.Add("ipv4-addr", "203.0.113.7", null, true, null))
                        .orRefuse());
        IncidentView incident = reported("Brute force on the VPN");

        browser.phone().signIn(handler).open("/incidents/" + incident.id());
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("observable-value")));
        assertThat(browser.text(By.id("observables"))).contains("No observables yet.");

        new Select(browser.find(By.id("observable-type"))).selectByValue("ipv4-addr");
        browser.type(By.id("observable-value"), "999.1.1.1");
        browser.click(By.cssSelector(".observable-add button[type=submit]"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("observable-value-error")));
        assertThat(browser.text(By.id("observable-value-error"))).contains("IPv4");
        assertThat(browser.find(By.id("observable-value")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        browser.type(By.id("observable-value"), " 203.0.113.7 ");
        browser.click(By.cssSelector(".observable-add button[type=submit]"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#observables .notice.success"), "The observable was added."));
        assertThat(browser.text(By.cssSelector(".observable-table .observable-value")))
                .isEqualTo("203.0.113.7");
        assertThat(browser.text(By.cssSelector(".observable-table .seen-in")))
                .contains(earlier.reference())
                .contains("Scan from an unknown address");
        assertThat(browser.overflowsSideways()).isFalse();

        browser.click(By.cssSelector(".observable-remove button[type=submit]"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#observables .notice.success"), "The observable was removed."));
        assertThat(browser.text(By.id("observables"))).contains("No observables yet.");
    }

    private IncidentView reported(String title) {
        return users.as(
                handler,
                () -> incidents
                        .report(NewIncident.of(title, "Seen this morning."))
                        .orRefuse());
    }
}
