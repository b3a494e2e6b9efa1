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

/**
 * The VERIS section of the incident page in a real browser: on a phone a handler takes the action the RSIT category
 * suggests, adds an actor and an asset, is refused a duration of "Never" with a number, and saves; on a desktop in
 * Dutch the description reads in Dutch words around VERIS's own terms.
 */
class VerisBrowserTest extends Browser.OnServer {

    TestUser handler;

    @BeforeEach
    void setUp() {
        handler = users.user("veris-page", Set.of(Role.HANDLER, Role.REPORTER));
    }

    @Test
    void aHandlerTakesTheSuggestionDescribesTheIncidentAndReadsItBackInBothLanguages() {
        IncidentView incident = users.as(
                        handler,
                        () -> incidents.report(NewIncident.of("Mail asked for my password", "I typed it in.")
                                .inCategory(new Category("fraud", "phishing"))))
                .orRefuse();

        browser.phone().signIn(handler).open("/incidents/" + incident.id());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#veris .veris-form")));
        assertThat(browser.text(By.id("veris")))
                .contains("Not described in VERIS yet.")
                .contains("Suggested from the RSIT category, recorded when you save: Social engineering: Phishing");
        browser.click(By.cssSelector("#veris details:nth-of-type(1) summary"));
        browser.click(By.cssSelector("#veris input[name=actor][value=external]"));
        new Select(browser.find(By.id("veris-actor-external-motive"))).selectByValue("Financial");
        browser.click(By.cssSelector("#veris details:nth-of-type(3) summary"));
        new Select(browser.find(By.id("veris-asset-variety"))).selectByValue("P - End-user");
        browser.click(By.cssSelector("#veris details:nth-of-type(4) summary"));
        new Select(browser.find(By.id("veris-availability"))).selectByValue("Interruption");
        new Select(browser.find(By.name("duration-unit"))).selectByValue("Never");
        browser.type(By.name("duration-value"), "3");
        browser.click(By.cssSelector("#veris .veris-form button[type=submit]"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("veris-problem")));
        assertThat(browser.text(By.id("veris-problem")))
                .contains("Availability affected · Duration")
                .contains("A duration of Never has no number");

        // what was entered is still there, the folds open
        assertThat(new Select(browser.find(By.id("veris-actor-external-motive")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("Financial");
        browser.type(By.name("duration-value"), "");
        browser.click(By.cssSelector("#veris .veris-form button[type=submit]"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#veris .notice.success"), "The VERIS description is saved."));
        assertThat(browser.text(By.cssSelector("#veris .veris-summary")))
                .contains("External")
                .contains("Motives: Financial")
                .contains("Social engineering")
                .contains("Phishing")
                .contains("P - End-user")
                .contains("Interruption (Never)");
        assertThat(browser.overflowsSideways()).isFalse();

        browser.desktop().open("/incidents/" + incident.id() + "?lang=nl");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#veris .veris-summary")));
        assertThat(browser.text(By.cssSelector("#veris .veris-summary")))
                .contains("Actoren")
                .contains("Extern")
                .contains("Sociale manipulatie")
                .contains("Phishing");
        assertThat(browser.text(By.id("veris"))).doesNotContain("Voorgesteld");
    }
}
