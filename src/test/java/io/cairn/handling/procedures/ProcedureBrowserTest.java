package io.cairn.handling.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.incidents.Category;
import io.cairn.incidents.IncidentCommands;
import io.cairn.incidents.IncidentView;
import io.cairn.incidents.NewIncident;
import io.cairn.incidents.TriageDecision;
import io.cairn.shared.Pap;
import io.cairn.shared.Tlp;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Playbooks and tasks in a real browser: a phase that cannot be left while mandatory steps are open, with the
 * refusal next to the transition form; a task for another team that its resolver completes without seeing the
 * incident.
 */
class ProcedureBrowserTest extends Browser.OnServer {

    private static final String COLLECT = "Collect the message with its full headers";
    private static final String RECIPIENTS = "Find everyone who received it";

    TeamId security;
    TestUser handler;

    @BeforeEach
    void setUp() {
        security = users.team("br-sec");
        handler = users.user("brh", Set.of(Role.HANDLER), security);
    }

    private IncidentView phishing(String title, boolean confidential) {
        return users.as(
                handler,
                () -> incidents
                        .report(new NewIncident(
                                title,
                                "A mail asked for my password; " + "I typed it in.",
                                new Category("fraud", "phishing"),
                                null,
                                null,
                                null,
                                null,
                                Tlp.AMBER,
                                Pap.AMBER,
                                confidential,
                                null,
                                security,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .orRefuse());
    }

    private By completeButtonOf(String step) {
        return By.xpath("//section[@id='procedure']//li[contains(@class,'task-open')][.//strong[text()='" + step
                + "']]//button[contains(@class,'complete')]");
    }

    private void complete(String step) {
        browser.waitFor(ExpectedConditions.elementToBeClickable(completeButtonOf(step)))
                .click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//section[@id='procedure']//li[contains(@class,'task-done')][.//strong[text()='" + step + "']]")));
    }

    @Test
    void aPhaseWithOpenMandatoryStepsIsNotLeftAndTheRefusalNamesThemNextToTheTransitionForm() {
        IncidentView incident = phishing("Fake password page", false);
        browser.signIn(handler).open("/incidents/" + incident.id());

        browser.submit(By.cssSelector("#action-triage button[value=accept]"));
        assertThat(browser.text(By.cssSelector(".incident-header .status"))).isEqualTo("Analysis");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(completeButtonOf(COLLECT)));
        assertThat(browser.text(By.cssSelector("#procedure")))
                .contains("Phishing")
                .contains(RECIPIENTS)
                .contains("Block the sender, domains and links");

        browser.submit(By.cssSelector("button[name=to][value=containment]"));

        assertThat(browser.text(By.id("transition-to-error")))
                .isEqualTo("Analysis cannot be left while these " + "mandatory steps are open: " + COLLECT + "; "
                        + RECIPIENTS);
        assertThat(browser.text(By.cssSelector(".incident-header .status"))).isEqualTo("Analysis");
        browser.screenshot("playbook-refusal");

        browser.waitFor(ExpectedConditions.presenceOfElementLocated(completeButtonOf(COLLECT)));
        complete(COLLECT);
        complete(RECIPIENTS);
        browser.submit(By.cssSelector("button[name=to][value=containment]"));

        assertThat(browser.text(By.cssSelector(".incident-header .status"))).isEqualTo("Containment");
        assertThat(browser.findAll(By.id("transition-to-error"))).isEmpty();
    }

    @Test
    void aResolverCompletesATaskForTheirTeamAndNeverSeesTheConfidentialIncident() {
        TeamId it = users.team("br-it");
        TestUser resolver = users.user("brit", Set.of(Role.RESOLVER), it);
        IncidentView reported = phishing("CEO mailbox forwarding to outside", false);
        IncidentView incident = users.as(handler, () -> {
            IncidentView marked = incidents
                    .mark(reported.id(), new IncidentCommands.Mark(Tlp.RED, Pap.RED, true, null, reported.version()))
                    .orRefuse();
            return incidents
                    .triage(
                            reported.id(),
                            new TriageDecision(TriageDecision.Decision.ACCEPT, null, null, marked.version()))
                    .orRefuse();
        });
        browser.signIn(handler).open("/incidents/" + incident.id());
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#procedure details.add-task")));
        browser.click(By.cssSelector("#procedure details.add-task summary"));
        browser.type(By.id("task-title"), "Remove the forwarding rule on the mail server");
        browser.type(By.id("task-description"), "Mailbox of the CEO forwards to an outside address; remove it.");
        new Select(browser.find(By.id("task-team"))).selectByValue(it.toString());
        browser.click(By.cssSelector("#procedure input[name=shared][value=priority]"));
        browser.click(By.cssSelector("#procedure .add-task button[type=submit]"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.id("procedure"), "Remove the forwarding rule on the mail server"));

        browser.signIn(resolver).open("/tasks");
        assertThat(browser.text(By.cssSelector(".task-list")))
                .contains("Remove the forwarding rule")
                .doesNotContain("Collect the message");
        browser.submit(By.linkText("Remove the forwarding rule on the mail server"));
        String page = browser.text(By.tagName("main"));
        assertThat(page)
                .contains("Mailbox of the CEO forwards")
                .contains(incident.reference())
                .contains(incident.priority())
                .doesNotContain("CEO mailbox forwarding to outside")
                .doesNotContain("typed it in")
                .doesNotContain(handler.username());
        assertThat(browser.findAll(By.cssSelector(".shared-fields [data-field]")))
                .extracting(e -> e.getAttribute("data-field"))
                .containsExactlyInAnyOrder("reference", "priority");

        browser.type(By.id("task-note"), "Rule removed, sign-ins reviewed.");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/tasks");
        assertThat(browser.text(By.cssSelector(".task-list"))).contains("done");

        browser.open("/incidents/" + incident.id());
        assertThat(browser.text(By.cssSelector(".error-status"))).isEqualTo("404");
        assertThat(browser.find(By.tagName("body")).getText()).doesNotContain("typed it in");
        assertThat(List.of(browser.text(By.cssSelector(".site-header"))))
                .allSatisfy(nav -> assertThat(nav).contains("Procedures"));
    }

    @Test
    void theProcedurePagesHaveNoSeriousAccessibilityProblemsAndFitAPhone() {
        TeamId it = users.team("br-ax");
        TestUser admin = users.user("brax", Set.of(Role.ADMIN, Role.HANDLER, Role.RESOLVER), security, it);
        IncidentView reported = phishing("Invoice with a strange link", false);
        IncidentView incident = users.as(
                handler,
                () -> incidents
                        .triage(
                                reported.id(),
                                new TriageDecision(TriageDecision.Decision.ACCEPT, null, null, reported.version()))
                        .orRefuse());
        TaskView task = users.as(
                handler,
                () -> context.getBean(ProcedureManagement.class)
                        .addTask(
                                incident.id(),
                                new NewTask(
                                        "Check the proxy logs",
                                        "Who opened the link?",
                                        it,
                                        List.of(SharedField.REFERENCE),
                                        null,
                                        false))
                        .orRefuse());
        Playbook phishing =
                users
                        .as(
                                admin,
                                () -> context.getBean(ProcedureManagement.class)
                                        .playbooks()
                                        .orRefuse())
                        .stream()
                        .filter(p -> p.definition().key().equals("phishing"))
                        .findFirst()
                        .orElseThrow();
        browser.signIn(admin);
        List<String> pages = List.of(
                "/incidents/" + incident.id(),
                "/tasks",
                "/tasks/" + task.id(),
                "/admin/playbooks",
                "/admin/playbooks/" + phishing.id() + "/edit",
                "/admin/routing");
        for (String page : pages) {
            browser.desktop().open(page);
            if (page.startsWith("/incidents/")) {
                browser.waitFor(ExpectedConditions.presenceOfElementLocated(completeButtonOf(COLLECT)));
            }
            assertThat(io.cairn.Axe.seriousProblems(browser))
                    .as(page + " on a desktop")
                    .isEmpty();
            assertThat(browser.smallPhone().open(page).overflowsSideways())
                    .as(page + " at 360 px")
                    .isFalse();
        }
    }
}
