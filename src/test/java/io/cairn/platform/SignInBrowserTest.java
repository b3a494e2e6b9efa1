package io.cairn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing in and out, the forced password change and the language switch, in a real browser. */
class SignInBrowserTest extends Browser.OnServer {

    @Test
    void aOneTimePasswordLeadsThroughAPasswordChangeToTheIncidentList() {
        TestUser newcomer = users.userWithOneTimePassword("newcomer", "one-time-7d3f9a", Set.of(Role.HANDLER));

        browser.signIn(newcomer.username(), "one-time-7d3f9a");
        assertThat(browser.path()).isEqualTo("/account/password");
        assertThat(browser.text(By.cssSelector(".notice.info"))).contains("one-time password");
        browser.open("/incidents");
        assertThat(browser.path()).isEqualTo("/account/password");
        assertThat(browser.script("return getComputedStyle(document.querySelector('.site-header')).borderBottomStyle"))
                .as("the page has its style sheet")
                .isEqualTo("solid");

        browser.type(By.id("currentPassword"), "one-time-7d3f9a");
        browser.type(By.id("newPassword"), "Granite-lantern-42");
        browser.type(By.id("repeatPassword"), "Granite-lantern-24");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.id("repeatPassword-error"))).isEqualTo("This does not match the new password.");

        browser.type(By.id("currentPassword"), "one-time-7d3f9a");
        browser.type(By.id("newPassword"), "short");
        browser.type(By.id("repeatPassword"), "short");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.id("newPassword-error"))).isEqualTo("Use at least 12 characters.");

        browser.type(By.id("currentPassword"), "one-time-7d3f9a");
        browser.type(By.id("newPassword"), "Granite-lantern-42");
        browser.type(By.id("repeatPassword"), "Granite-lantern-42");
        browser.submit(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.path()).isEqualTo("/incidents");
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Your password was changed.");
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Incidents");
    }

    @Test
    void aWrongPasswordIsSaidPlainly() {
        TestUser someone = users.user("someone", Set.of(Role.REPORTER));
        browser.open("/login");
        browser.type(By.id("username"), someone.username());
        browser.type(By.id("password"), "not-the-password");
        browser.submit(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.text(By.cssSelector(".notice.error")))
                .isEqualTo("The username or password is not right. Try again.");
        assertThat(browser.find(By.id("password")).getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void theLanguageSwitchShowsDutchTextsAndRemembersThem() {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));
        browser.signIn(handler).open("/incidents?sort=number");

        browser.submit(By.cssSelector(".languages a[hreflang=nl]"));

        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Incidenten");
        assertThat(browser.path()).contains("sort=number");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        browser.open("/incidents/new");
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Een incident melden");
        assertThat(browser.text(By.cssSelector("form.report-form button[type=submit]")))
                .isEqualTo("Incident melden");
        browser.screenshot("report-desktop-nl");

        browser.submit(By.cssSelector(".languages a[hreflang=en]"));
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Report an incident");
    }

    @Test
    void signingOutEndsTheSession() {
        TestUser reporter = users.user("reporter", Set.of(Role.REPORTER));
        browser.signIn(reporter).open("/incidents");

        browser.click(By.cssSelector(".account-menu summary"));
        browser.submit(By.cssSelector(".account-menu button[type=submit]"));

        browser.waitFor(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("You signed out.");
        browser.open("/incidents");
        assertThat(browser.path()).isEqualTo("/login");
    }
}
