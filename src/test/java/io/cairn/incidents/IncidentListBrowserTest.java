package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The incident list in a real browser: search, filters, sorting and paging, with htmx and in the address. */
class IncidentListBrowserTest extends Browser.OnServer {

    TestUser handler;

    @BeforeEach
    void setUp() {
        handler = users.user("handler", Set.of(Role.HANDLER, Role.REPORTER));
    }

    @Test
    void searchesFiltersAndPagesKeepingEverythingInTheAddress() {
        String word = "printer" + UUID.randomUUID().toString().substring(0, 8);
        List<IncidentView> reported = IntStream.rangeClosed(1, 30)
                .mapToObj(n -> users.as(
                        handler,
                        () -> incidents
                                .report(NewIncident.of(
                                        word + " fault " + n, "The printer on floor " + n + " prints garbage."))
                                .orRefuse()))
                .toList();
        reported.subList(0, 3)
                .forEach(incident -> users.as(
                        handler,
                        () -> incidents
                                .transition(
                                        incident.id(),
                                        new IncidentCommands.Transition(Status.TRIAGE, null, incident.version()))
                                .orRefuse()));
        browser.signIn(handler).open("/incidents");

        browser.type(By.id("q"), word);
        browser.waitFor(ExpectedConditions.urlContains("q=" + word));
        waitForCount("30 incidents");
        assertThat(browser.path()).doesNotContain("categoryClass=");
        assertThat(rows()).hasSize(25);
        assertThat(browser.text(By.cssSelector(".count"))).contains("page 1 of 2");

        browser.click(By.cssSelector(".pagination a[rel=next]"));
        browser.waitFor(ExpectedConditions.urlContains("cursor="));
        waitForCount("page 2 of 2");
        assertThat(rows()).hasSize(5);
        browser.click(By.cssSelector(".pagination a[rel=prev]"));
        browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("cursor=")));
        waitForCount("page 1 of 2");

        browser.click(By.xpath("//th/a[text()='Ref.']"));
        browser.waitFor(ExpectedConditions.urlContains("sort=number"));
        browser.waitFor(
                driver -> rows().get(0).getText().contains(reported.get(0).reference()));

        browser.click(By.xpath("//summary[text()='Any status']"));
        browser.click(By.cssSelector("input[name=status][value=triage]"));
        waitForCount("3 incidents");
        assertThat(browser.path()).contains("status=triage").contains("q=" + word);

        browser.driver().navigate().refresh();
        assertThat(browser.text(By.cssSelector(".count"))).startsWith("3 incidents");
        assertThat(browser.find(By.cssSelector("input[name=status][value=triage]"))
                        .isSelected())
                .isTrue();
        assertThat(browser.find(By.id("q")).getAttribute("value")).isEqualTo(word);
        assertThat(rows()).extracting(WebElement::getText).allMatch(row -> row.contains("Triage"));

        browser.open("/incidents?q=" + word).screenshot("list-desktop");
        browser.phone().open("/incidents?q=" + word);
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshotOfWindow("list-phone");
    }

    @Test
    void reportFormFitsAPhoneAndADesktop() {
        browser.signIn(handler);
        browser.phone().open("/incidents/new");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshotOfWindow("report-phone");
        browser.type(By.id("title"), "Lost phone on the bus");
        browser.type(By.id("description"), "Company phone, locked with a PIN.");
        browser.submit(By.cssSelector("form.report-form button[type=submit]"));
        browser.waitFor(ExpectedConditions.urlMatches("/incidents/[0-9a-f-]{36}$"));
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Lost phone on the bus");
        assertThat(browser.overflowsSideways()).isFalse();

        browser.desktop().open("/incidents/new");
        assertThat(browser.overflowsSideways()).isFalse();
        assertThat(browser.find(By.id("owner")).isDisplayed()).isTrue();
        browser.screenshot("report-desktop");
    }

    private List<WebElement> rows() {
        return browser.findAll(By.cssSelector(".incident-table tbody tr"));
    }

    private void waitForCount(String text) {
        browser.waitFor(
                driver -> driver.findElement(By.cssSelector(".count")).getText().contains(text));
    }
}
