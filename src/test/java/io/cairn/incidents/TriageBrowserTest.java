package io.cairn.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A report made in the portal reaches the handler's triage queue and is accepted as an incident, in a browser. */
class TriageBrowserTest extends Browser.OnServer {

    @Test
    void aReportFromThePortalIsTriagedIntoAnIncidentFromTheQueue() {
        TestUser reporter = users.user("portal-reporter", Set.of(Role.REPORTER));
        TestUser handler = users.user("queue-handler", Set.of(Role.HANDLER));
        String title = "Stranger in the server room " + TestUsers.unique("x");

        browser.signIn(reporter).open("/report/something-else");
        browser.type(By.id("q-what"), title);
        browser.submit(By.cssSelector("main form button[type=submit]"));
        String reference = browser.text(By.cssSelector("[data-reference]"));
        assertThat(browser.text(By.cssSelector(".tips"))).contains("Better one report too many");

        browser.signIn(handler);
        browser.open("/incidents?status=new&sort=priority&direction=asc&q=" + reference);
        browser.submit(By.linkText(reference));
        assertThat(browser.text(By.id("intake"))).contains(title);
        browser.submit(By.cssSelector("button[value=accept]"));

        assertThat(browser.text(By.cssSelector(".notices"))).contains("accepted");
        assertThat(browser.text(By.id("timeline"))).contains("Analysis");

        browser.signIn(reporter).open("/reports");
        assertThat(browser.text(By.cssSelector(".my-reports"))).contains(title).contains("Being investigated");
    }
}
