package io.cairn.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The compliance section of the incident page in a real browser on a phone: a privacy officer records GDPR awareness,
 * that it is a personal-data breach, and a risk, and sees the supervisory authority's obligation with its live
 * countdown, in English and in Dutch, without anything sticking out sideways; and fills in DORA's costs and losses by
 * category.
 */
class ComplianceSectionBrowserTest extends Browser.OnServer {

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    private String incidentOfAnEntity(TestUser officer) {
        String s = Long.toString(System.nanoTime(), 36);
        ApiClient admin = new ApiClient(
                port, users.user("cb-admin-" + s, Set.of(Role.ADMIN)).token());
        String entity = ComplianceFixture.legalEntity(admin, "Kliniek " + s, "not-in-scope", officer.id());
        String unit = ComplianceFixture.businessUnit(admin, "Kliniek " + s, entity);
        ApiClient coordinator = new ApiClient(
                port, users.user("cb-coord-" + s, Set.of(Role.COORDINATOR)).token());
        return coordinator
                .post(
                        "/api/v1/incidents",
                        Map.of("title", "Lost laptop " + s, "description", "unencrypted", "businessUnit", unit))
                .json()
                .path("id")
                .asString();
    }

    private void openForm(String xpathOfRow) {
        browser.click(By.xpath(xpathOfRow + "//details[contains(@class,'record')]/summary"));
    }

    private void waitForText(By by, String text) {
        try {
            browser.waitFor(driver ->
                    browser.findAll(by).stream().anyMatch(e -> e.getText().contains(text)) ? true : null);
        } catch (RuntimeException e) {
            throw new AssertionError("htmx: " + browser.script("return window.debugHtmx;"), e);
        }
    }

    /** The countdown's text; empty while htmx swaps the section. */
    private String countdown() {
        try {
            return browser.text(By.cssSelector(
                    "#obligation-gdpr .obligation-stage[data-stage=supervisory-authority] .obligation-countdown"));
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }

    @Test
    void aPrivacyOfficerRecordsAwarenessAndARiskAndSeesTheObligationCountDownInEnglishAndDutch() {
        TestUser officer = users.user("cb-dpo-" + Long.toString(System.nanoTime(), 36), Set.of(Role.PRIVACY_OFFICER));
        String incident = incidentOfAnEntity(officer);
        browser.phone().signIn(officer).open("/incidents/" + incident + "?lang=en");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#compliance h2")));

        browser.script(
                "window.debugHtmx = [];"
                        + "['htmx:responseError','htmx:sendError','htmx:beforeRequest','htmx:afterRequest','htmx:swapError']"
                        + ".forEach(function(n){document.body.addEventListener(n, function(e){window.debugHtmx.push(n + ' '"
                        + " + (e.detail.xhr ? e.detail.xhr.status + ' ' + e.detail.xhr.responseText.substring(0, 200) : ''));});});");
        String fact = "//li[@id='fact-gdpr.awareness']";
        openForm(fact);
        browser.setValue(By.id("at-gdpr.awareness"), LOCAL.format(Instant.now().minus(1, ChronoUnit.HOURS)));
        browser.type(By.id("why-gdpr.awareness"), "The laptop held patient records and was not encrypted");
        browser.click(By.xpath(fact + "//form//button"));
        waitForText(By.xpath(fact), "set by");

        String breach = "//article[@id='decision-personal-data-breach']";
        openForm(breach);
        browser.setValue(By.id("personal-data-breach-result"), "yes");
        browser.type(By.id("personal-data-breach-rationale"), "Patient names and diagnoses");
        browser.click(By.xpath(breach + "//form//button[@type='submit']"));
        waitForText(By.xpath(breach + "//strong[contains(@class,'decision-result')]"), "Yes");

        String risk = "//article[@id='decision-gdpr-risk']";
        openForm(risk);
        browser.setValue(By.id("gdpr-risk-result"), "risk");
        browser.type(By.id("gdpr-risk-rationale"), "Health data of a few people, no sign of misuse");
        browser.click(By.xpath(risk + "//form//button[@type='submit']"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#obligation-gdpr")));

        browser.waitFor(driver -> countdown().matches("2d 2[23]h \\d+m left") ? true : null);
        assertThat(browser.text(By.cssSelector(
                        "#obligation-gdpr .obligation-stage[data-stage=supervisory-authority] .stage-status")))
                .isEqualTo("open");
        assertThat(browser.text(By.cssSelector("#obligation-gdpr"))).contains("Autoriteit Persoonsgegevens");
        assertThat(browser.overflowsSideways())
                .as("the page sticks out sideways on a phone")
                .isFalse();
        browser.screenshot("compliance-obligation-en");

        browser.open("/incidents/" + incident + "?lang=nl");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#obligation-gdpr")));
        browser.waitFor(driver -> countdown().matches("nog 2d 2[23]u \\d+m") ? true : null);
        assertThat(browser.text(By.cssSelector("#compliance h2"))).isEqualTo("Meldplichten: feiten en besluiten");
        assertThat(browser.text(By.cssSelector(
                        "#obligation-gdpr .obligation-stage[data-stage=supervisory-authority] .stage-status")))
                .isEqualTo("lopend");
        assertThat(browser.overflowsSideways())
                .as("the Dutch page sticks out sideways on a phone")
                .isFalse();
        browser.screenshot("compliance-obligation-nl");
    }

    @Test
    void theDoraWorksheetGroupsTheCostLinesAndSaysBesideTheTotalWhenItIsNotTheirSum() {
        TestUser officer = users.user("cb-dora-" + Long.toString(System.nanoTime(), 36), Set.of(Role.PRIVACY_OFFICER));
        String incident = incidentOfAnEntity(officer);
        browser.desktop().signIn(officer).open("/incidents/" + incident + "?lang=en");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#compliance h2")));
        String dora = "//article[@id='decision-dora-major']";
        openForm(dora);
        assertThat(browser.text(By.xpath(dora + "//h5[contains(@class,'input-group')]")))
                .isEqualTo("Costs and losses by category");

        browser.type(By.id("dora-major-cost-staff-eur"), "40000");
        browser.type(By.id("dora-major-cost-redress-eur"), "70000");
        browser.type(By.id("dora-major-economic-impact-eur"), "100000");
        browser.type(By.id("dora-major-rationale"), "The costs of the outage");
        browser.click(By.xpath(dora + "//form//button[@type='submit']"));
        waitForText(By.xpath(dora + "//small[contains(@class,'field-error')]"), "add up to EUR 110000");
        assertThat(browser.find(By.id("dora-major-economic-impact-eur")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        browser.type(By.id("dora-major-cost-staff-eur"), "40000");
        browser.type(By.id("dora-major-cost-redress-eur"), "70000");
        browser.type(By.id("dora-major-rationale"), "The costs of the outage");
        browser.click(By.xpath(dora + "//form//button[@type='submit']"));
        waitForText(By.xpath(dora + "//strong[contains(@class,'decision-result')]"), "Not major");
        assertThat(browser.find(By.xpath(
                                dora + "//ul[contains(@class,'criteria')]/li[contains(., 'Costs and losses over')]"))
                        .getAttribute("class"))
                .as("the sum of 110,000 is over the economic threshold")
                .contains("met")
                .doesNotContain("not-met");

        browser.open("/incidents/" + incident + "?lang=nl");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#compliance h2")));
        openForm(dora);
        assertThat(browser.text(By.xpath(dora + "//h5[contains(@class,'input-group')]")))
                .isEqualTo("Kosten en verliezen per categorie");
        assertThat(browser.find(By.id("dora-major-cost-staff-eur")).getAttribute("value"))
                .isEqualTo("40000");
        assertThat(browser.find(By.id("dora-major-economic-impact-eur")).getAttribute("value"))
                .as("the total the lines made is made again from them")
                .isEmpty();
    }
}
