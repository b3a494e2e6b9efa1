package io.cairn.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The maturity view in a real browser: an admin records a practice beside it (a missing evidence refused beside its
 * field, then kept and shown), the level and the missing practices at phone size in Dutch, a coordinator reading
 * without the forms, and a day that is not one refused beside its field.
 */
class MaturityBrowserTest extends Browser.OnServer {

    @Autowired
    JdbcClient jdbc;

    TestUser admin;

    @BeforeEach
    void startWithoutRecords() {
        admin = users.user("maturity-page-admin-" + Long.toString(System.nanoTime(), 36), Set.of(Role.ADMIN));
        jdbc.sql("delete from reporting_maturity_record").update();
    }

    @AfterEach
    void removeTheRecords() {
        jdbc.sql("delete from reporting_maturity_record").update();
    }

    @Test
    void anAdminRecordsAPracticeBesideItAndAMissingEvidenceIsRefusedThere() {
        browser.signIn(admin).desktop().open("/dashboards/maturity");
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Maturity");
        assertThat(browser.find(By.id("level-met")).getAttribute("data-level")).isEqualTo("0");
        assertThat(browser.findAll(By.cssSelector("#maturity-missing li[data-practice]")))
                .extracting(item -> item.getAttribute("data-practice"))
                .containsExactly("prioritisation-policy", "staff-awareness");
        String row = "#practice-prioritisation-policy ";
        browser.click(By.cssSelector(row + "summary"));
        browser.submit(By.cssSelector(row + "form button[type=submit]"));
        assertThat(browser.text(By.cssSelector(row + ".field-error"))).contains("required");
        assertThat(browser.find(By.id("evidence-prioritisation-policy")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        browser.type(By.id("evidence-prioritisation-policy"), "Policy IM-01 on the intranet")
                .type(By.id("note-prioritisation-policy"), "Approved by the board")
                .submit(By.cssSelector(row + "form button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".notices .success"))).contains("A documented prioritisation policy");
        assertThat(browser.text(By.cssSelector(row + ".maturity-evidence"))).isEqualTo("Policy IM-01 on the intranet");
        assertThat(browser.find(By.cssSelector("#practice-prioritisation-policy"))
                        .getAttribute("data-met"))
                .isEqualTo("true");
        browser.screenshot("maturity-admin");

        browser.phone().open("/dashboards/maturity?lang=nl");
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Volwassenheid");
        assertThat(browser.text(By.cssSelector("#maturity-missing h2"))).isEqualTo("Wat ontbreekt voor niveau 1");
        assertThat(browser.findAll(By.cssSelector("#maturity-missing li[data-practice]")))
                .extracting(item -> item.getAttribute("data-practice"))
                .containsExactly("staff-awareness");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("maturity-phone-nl");

        browser.open("/dashboards/maturity");
        browser.click(By.cssSelector(row + "summary"));
        browser.submit(By.cssSelector(row + "form[action$=withdraw] button"));
        assertThat(browser.find(By.cssSelector("#practice-prioritisation-policy"))
                        .getAttribute("data-met"))
                .isEqualTo("false");
    }

    @Test
    void aCoordinatorReadsTheViewWithoutTheFormsAndABadDayIsRefusedBesideItsField() {
        TestUser coordinator = users.user(
                "maturity-page-coordinator-" + Long.toString(System.nanoTime(), 36), Set.of(Role.COORDINATOR));
        browser.signIn(coordinator).open("/dashboards/coordinator");
        browser.submit(By.cssSelector("a[href$='/dashboards/maturity']"));
        assertThat(browser.path()).isEqualTo("/dashboards/maturity");
        assertThat(browser.findAll(By.cssSelector(".maturity-record form"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("[id^=level-]"))).hasSizeGreaterThanOrEqualTo(5);

        browser.open("/dashboards/maturity?at=2025-02-30");
        assertThat(browser.text(By.cssSelector("label[for=maturity-at] .field-error")))
                .contains("2025-02-30");
        assertThat(browser.find(By.id("maturity-at")).getAttribute("aria-invalid"))
                .isEqualTo("true");
    }
}
