package io.cairn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The admin pages in a real browser: users with one-time passwords, teams and business units. */
class AdminPagesBrowserTest extends Browser.OnServer {

    TestUser admin;

    @BeforeEach
    void setUp() {
        admin = users.user("admin", Set.of(Role.ADMIN, Role.HANDLER));
    }

    @Test
    void createsAUserWhoseOneTimePasswordIsShownOnceAndMustBeReplaced() {
        String username = TestUsers.unique("dana");
        browser.signIn(admin).open("/admin/users");
        browser.submit(By.linkText("New user"));

        browser.type(By.id("username"), username);
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.id("displayName-error"))).isEqualTo("Fill this in.");

        browser.type(By.id("displayName"), "Dana Handler");
        browser.click(By.cssSelector("input[name=roles][value=HANDLER]"));
        browser.submit(By.cssSelector("main form button[type=submit]"));

        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("User " + username + " was created.");
        String oneTimePassword = browser.text(By.id("one-time-password"));
        assertThat(oneTimePassword).isNotBlank();
        assertThat(browser.text(By.cssSelector("main h1"))).contains("Dana Handler");
        assertThat(browser.find(By.cssSelector("input[name=roles][value=HANDLER]"))
                        .isSelected())
                .isTrue();
        browser.driver().navigate().refresh();
        assertThat(browser.findAll(By.id("one-time-password"))).as("shown once").isEmpty();

        browser.signIn(username, oneTimePassword);
        assertThat(browser.path()).isEqualTo("/account/password");
    }

    @Test
    void createsABusinessUnitAndATeamInIt() {
        String unit = TestUsers.unique("Retail");
        String team = TestUsers.unique("Blue team");
        browser.signIn(admin).open("/admin/business-units");
        browser.type(By.id("name"), unit);
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.cssSelector(".notice.success")))
                .isEqualTo("Business unit " + unit + " was created.");

        browser.open("/admin/teams");
        browser.type(By.id("name"), team);
        new Select(browser.find(By.id("businessUnit"))).selectByVisibleText(unit);
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text(By.cssSelector("main table"))).contains(team + " " + unit);

        browser.submit(By.linkText(team));
        browser.type(By.id("name"), team + " renamed");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/admin/teams");
        assertThat(browser.text(By.cssSelector(".notice.success"))).isEqualTo("Team " + team + " renamed was saved.");
    }

    @Test
    void otherUsersAreNotAllowedOnTheAdminPages() {
        TestUser handler = users.user("handler", Set.of(Role.HANDLER));
        browser.signIn(handler).open("/admin/users");

        assertThat(browser.text(By.cssSelector(".error-status"))).isEqualTo("403");
        assertThat(browser.findAll(By.xpath("//summary[text()='Admin']")))
                .as("no admin menu")
                .isEmpty();
    }
}
