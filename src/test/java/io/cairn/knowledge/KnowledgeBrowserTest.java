package io.cairn.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentCommands;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.Status;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** Knowledge in a real browser: an article written and then suggested on an incident; a review that lets a P1 close. */
class KnowledgeBrowserTest extends Browser.OnServer {

    TestUser handler;

    @BeforeEach
    void setUp() {
        handler = users.user("handler", Set.of(Role.HANDLER, Role.REPORTER));
    }

    @Test
    void writesAnArticleAndSeesItSuggestedOnAnIncidentOfItsCategory() {
        String word = "quishing" + TestUsers.unique("w").replaceAll("[^a-z]", "");
        browser.signIn(handler).open("/knowledge");
        browser.submit(By.cssSelector("a[href='/knowledge/new']"));
        browser.type(By.id("title"), "Handling " + word + " campaigns");
        browser.type(
                By.id("body"),
                "## Steps\n\n1. Collect the QR code image.\n2. Decode it offline.\n\n" + "<script>alert('x')</script>");
        new Select(browser.find(By.id("categories"))).selectByValue("fraud/phishing");
        browser.type(By.id("tags"), "qr, " + word);
        browser.submit(By.cssSelector("form.article-form button[type=submit]"));

        browser.waitFor(ExpectedConditions.urlMatches("/knowledge/handling-" + word + "-campaigns$"));
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Handling " + word + " campaigns");
        assertThat(browser.text(By.cssSelector(".article-body h2"))).isEqualTo("Steps");
        assertThat(browser.text(By.cssSelector(".article-body"))).contains("<script>alert('x')</script>");
        assertThat(browser.findAll(By.cssSelector(".article-body script"))).isEmpty();
        List<org.openqa.selenium.WebElement> tags = browser.findAll(By.cssSelector(".article-meta .tag"));
        assertThat(tags).extracting(org.openqa.selenium.WebElement::getText).containsExactly("#qr", "#" + word);
        assertThat(tags.get(1).getRect().getX())
                .as("tags are chips with room between them")
                .isGreaterThan(
                        tags.get(0).getRect().getX() + tags.get(0).getRect().getWidth());

        IncidentView incident = users.as(
                        handler,
                        () -> incidents.report(new NewIncident(
                                "QR code mail " + word,
                                "A poster with a " + word + " code",
                                new Category("fraud", "phishing"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)))
                .orRefuse();
        browser.open("/incidents/" + incident.id());

        browser.waitFor(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#knowledge .suggested-articles")));
        List<String> suggested = browser.findAll(By.cssSelector("#knowledge .suggested-articles a")).stream()
                .map(element -> element.getText())
                .toList();
        assertThat(suggested.get(0)).isEqualTo("Handling " + word + " campaigns");
        assertThat(suggested).contains("Collecting mail headers");
    }

    @Test
    void completesTheReviewOfAP1IncidentAndThenClosesIt() {
        IncidentView reported = users.as(
                        handler,
                        () -> incidents.report(new NewIncident(
                                "Domain controller " + "compromised",
                                "Attacker had domain admin",
                                null,
                                null,
                                null,
                                "high",
                                "high",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)))
                .orRefuse();
        assertThat(reported.priority()).isEqualTo("P1");
        IncidentView incident = reported;
        for (Status to : List.of(
                Status.TRIAGE,
                Status.ANALYSIS,
                Status.CONTAINMENT,
                Status.ERADICATION,
                Status.RECOVERY,
                Status.REVIEW)) {
            long version = incident.version();
            incident = users.as(
                            handler,
                            () -> incidents.transition(
                                    reported.id(), new IncidentCommands.Transition(to, null, version)))
                    .orRefuse();
        }
        browser.signIn(handler).open("/incidents/" + incident.id());

        browser.type(By.id("transition-reason"), "Rebuilt the domain");
        browser.submit(By.cssSelector("button[name=to][value=closed]"));
        assertThat(browser.text(By.id("transition-to-error"))).contains("post-incident review");
        assertThat(browser.text(By.cssSelector(".incident-header .status"))).isEqualTo("Review");

        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("review-summary")));
        browser.click(By.cssSelector("#review button[name=complete][value=true]"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("review-summary-error")));
        assertThat(browser.text(By.id("review-summary-error")))
                .isEqualTo("A completed review needs a summary of the timeline.");

        browser.type(By.id("review-summary"), "Phished admin at 08:00; contained at 11:00; rebuilt by Friday.");
        new Select(browser.find(By.id("review-root-cause"))).selectByValue("phishing");
        browser.type(By.id("review-to-improve"), "Phishing-resistant MFA for admins");
        browser.click(By.cssSelector("#review button[name=complete][value=true]"));
        browser.waitFor(ExpectedConditions.textToBe(By.cssSelector("#review .review-status"), "Completed"));

        browser.type(By.id("action-title"), "Roll out FIDO2 keys to admins");
        browser.type(By.id("action-owner"), handler.username());
        browser.setValue(
                By.id("action-due"), java.time.LocalDate.now().plusDays(30).toString());
        browser.click(By.cssSelector("#review .action-form button[type=submit]"));
        browser.waitFor(ExpectedConditions.textToBe(
                By.cssSelector("#review .corrective-actions td"), "Roll out FIDO2 keys to admins"));

        browser.type(By.id("transition-reason"), "Rebuilt the domain");
        browser.submit(By.cssSelector("button[name=to][value=closed]"));
        assertThat(browser.text(By.cssSelector(".incident-header .status"))).isEqualTo("Closed");
    }
}
