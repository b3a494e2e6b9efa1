package io.cairn.isms;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The evidence of an incident in a real browser on a phone: a handler enters an item with the hash they recorded, is
 * refused a hash that is not a SHA-256 with the problem next to the field, opens the item and hands it over; the
 * receiver finds it awaiting their sign-off and accepts it, and holds it from then on.
 */
class EvidenceBrowserTest extends Browser.OnServer {

    TestUser handler;
    TestUser receiver;

    @BeforeEach
    void setUp() {
        String s = Long.toString(System.nanoTime(), 36);
        TeamId team = users.teamNamed("evidence-browser-" + s);
        handler = users.userNamed("evb-handler-" + s, Set.of(Role.HANDLER), team);
        receiver = users.userNamed("evb-receiver-" + s, Set.of(Role.HANDLER), team);
    }

    @Test
    void aHandlerEntersAnItemHandsItOverAndTheReceiverAcceptsItOnAPhone() {
        IncidentView incident = users.as(
                        handler, () -> incidents.report(NewIncident.of("Laptop seized", "Kept for analysis.")))
                .orRefuse();

        browser.phone().signIn(handler).open("/incidents/" + incident.id());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#evidence .evidence-form")));
        browser.click(By.cssSelector("#evidence .evidence-add summary"));
        new Select(browser.find(By.id("evidence-kind"))).selectByValue("disk-image");
        browser.type(By.id("evidence-description"), "Image of the seized laptop");
        browser.type(By.id("evidence-source"), "Laptop NL-4711");
        browser.setValue(By.name("collectedAt"), "2026-12-01T09:30:00");
        browser.type(By.id("evidence-where"), "Amsterdam office");
        browser.type(By.id("evidence-how"), "Write-blocker + FTK Imager 4.7");
        browser.type(By.id("evidence-location"), "Evidence safe A");
        browser.type(By.id("evidence-sha256"), "not a hash");
        browser.click(By.cssSelector("#evidence .evidence-form button[type=submit]"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#evidence .field-error"), "Must be a SHA-256"));
        assertThat(browser.find(By.id("evidence-description")).getAttribute("value"))
                .isEqualTo("Image of the seized laptop");

        browser.type(By.id("evidence-sha256"), "AB".repeat(32));
        browser.click(By.cssSelector("#evidence .evidence-form button[type=submit]"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#evidence .notice.success"), "The item is entered."));
        assertThat(browser.overflowsSideways()).isFalse();
        browser.submit(By.cssSelector("#evidence .evidence-items a"));

        browser.type(By.id("evidence-to"), receiver.username());
        browser.type(By.id("evidence-purpose"), "Forensic analysis");
        browser.type(By.id("evidence-new-location"), "Lab safe 1");
        browser.click(By.cssSelector(".evidence-handover button[type=submit]"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".evidence-pending"), receiver.displayName()));
        assertThat(browser.text(By.cssSelector(".evidence-log"))).contains("Transfer proposed");
        assertThat(browser.overflowsSideways()).isFalse();

        browser.signIn(receiver).open("/evidence/awaiting");
        assertThat(browser.text(By.cssSelector(".evidence-awaiting")))
                .contains("E1")
                .contains("Forensic analysis");
        browser.submit(By.cssSelector(".evidence-awaiting a"));
        browser.click(By.cssSelector(".evidence-accept button[type=submit]"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".evidence-custodian"), receiver.displayName()));
        assertThat(browser.text(By.cssSelector(".evidence-location"))).isEqualTo("Lab safe 1");
        assertThat(browser.text(By.cssSelector(".evidence-log"))).contains("Transfer accepted");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("evidence-item-phone");

        browser.open(browser.path() + "?lang=nl");
        assertThat(browser.text(By.cssSelector(".evidence-log"))).contains("Overdracht aanvaard");
        browser.screenshot("evidence-item-phone-nl");
    }
}
