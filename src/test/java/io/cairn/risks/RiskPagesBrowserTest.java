package io.cairn.risks;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The risk register in a real browser: a coordinator registers a risk whose target has passed, revises it, sees it
 * marked overdue in the list, and closes it; in English on a desktop and in Dutch on a 390 px phone. The heat map's
 * charts draw.
 */
class RiskPagesBrowserTest extends Browser.OnServer {

    TestUser coordinator;

    @BeforeEach
    void signIn() {
        coordinator = users.user("risk-browser", Set.of(Role.COORDINATOR));
    }

    @AfterEach
    void backToTheDesktop() {
        browser.desktop();
    }

    /** Registers, revises, finds overdue and closes a risk, in the language the browser is set to; the risk's title. */
    private String walkThrough(String lang, String title, Texts texts) {
        browser.signIn(coordinator).open("/risks?lang=" + lang);
        browser.submit(By.cssSelector("a[href='/risks/new']"));
        browser.type(By.id("risk-title"), title);
        browser.type(By.id("risk-treatment"), "Offline backups");
        browser.setValue(
                By.id("risk-target"), LocalDate.now(ZoneOffset.UTC).minusDays(2).toString());
        new Select(browser.find(By.id("risk-likelihood"))).selectByValue("likely");
        new Select(browser.find(By.id("risk-impact"))).selectByValue("major");
        browser.submit(By.cssSelector("form.risk-form button[type=submit]"));

        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo(title);
        assertThat(browser.text(By.cssSelector(".risk-header .risk-overdue"))).startsWith(texts.overdue());
        assertThat(browser.overflowsSideways())
                .as("the risk's page fits the screen")
                .isFalse();

        browser.click(By.xpath("//form[contains(@class,'revise-form')]/ancestor::details/summary"));
        browser.type(By.cssSelector(".revise-form #risk-treatment"), "Offline backups, tested weekly");
        browser.submit(By.cssSelector(".revise-form button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".notices .success"))).contains(title);
        assertThat(browser.text(By.cssSelector(".risk-treatment"))).isEqualTo("Offline backups, tested weekly");

        browser.open("/risks?overdue=true&owner=" + coordinator.id());
        // waits for the row rather than reading the list at once (it was read before it was there now and then)
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.linkText(title)));
        assertThat(browser.findAll(By.cssSelector(".risk-row .risk-title")).stream()
                        .map(cell -> cell.getText())
                        .toList())
                .contains(title);
        assertThat(browser.text(By.xpath("//tr[contains(@class,'risk-row')][.//a[text()='" + title + "']]"
                        + "//*[contains(@class,'risk-overdue')]")))
                .isEqualTo(texts.overdue());
        assertThat(browser.overflowsSideways()).as("the list fits the screen").isFalse();

        browser.submit(By.linkText(title));
        new Select(browser.find(By.id("risk-closure"))).selectByValue("mitigated");
        browser.submit(By.cssSelector("form.risk-close button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".risk-closure-reason"))).isEqualTo(texts.mitigated());
        assertThat(browser.findAll(By.cssSelector(".risk-header .risk-overdue")))
                .isEmpty();
        return title;
    }

    record Texts(String overdue, String mitigated) {}

    @Test
    void aCoordinatorRegistersRevisesSeesOverdueAndClosesARiskInEnglishOnADesktop() {
        walkThrough("en", TestUsers.unique("Ransomware on file servers"), new Texts("Overdue", "Mitigated"));
    }

    @Test
    void aCoordinatorDoesTheSameInDutchOnAPhone() {
        browser.screen(390, 844);
        walkThrough("nl", TestUsers.unique("Gijzelsoftware op bestandsservers"), new Texts("Te laat", "Beperkt"));
    }

    @Test
    void theHeatMapDrawsItsChartsBesideItsTables() {
        browser.signIn(coordinator).open("/risks/heat-map?lang=en");
        browser.waitFor(driver -> Boolean.TRUE.equals(browser.script(
                "var c = document.getElementById('risk-trend-chart'); return !!(window.Chart && Chart.getChart(c));")));
        assertThat(browser.findAll(By.cssSelector(".risk-heat-table tbody tr"))).hasSize(5);
        assertThat(browser.find(By.id("risk-heat-chart")).getAttribute("aria-describedby"))
                .isEqualTo("heat-summary");
        browser.screen(390, 844).open("/risks/heat-map");
        assertThat(browser.overflowsSideways()).as("the heat map fits a phone").isFalse();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("risk-heat-chart")));
    }
}
