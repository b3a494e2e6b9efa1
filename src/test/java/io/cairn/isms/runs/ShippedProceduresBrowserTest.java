package io.cairn.isms.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each shipped procedure in a real browser on a phone, as the people who run it: the requester starts it from its form
 * and is stopped at the gate of its first phase, which names the open mandatory steps; the approvals are decided by
 * someone else (the manager the form names, or a coordinator); the owner does the rest, moves the run on phase by
 * phase and completes it.
 */
class ShippedProceduresBrowserTest extends Browser.OnServer {

    @Autowired
    JdbcClient jdbc;

    TestUser requester;
    TestUser manager;
    TestUser coordinator;

    @ParameterizedTest
    @ValueSource(
            strings = {"security-review", "secure-zone-access", "penetration-test", "patching-round", "offboarding"})
    void aShippedProcedureIsStartedGatedApprovedBySomeoneElseAndCompleted(String key) {
        requester = users.user("sp-asker-" + key, Set.of(Role.REPORTER));
        manager = users.user("sp-manager-" + key, Set.of(Role.REPORTER));
        coordinator = users.user("sp-coordinator-" + key, Set.of(Role.COORDINATOR));
        String type = jdbc.sql("select id from isms_procedure_type where type_key = ?")
                .param(key)
                .query(UUID.class)
                .single()
                .toString();

        browser.phone().signIn(requester).open("/procedures");
        browser.submit(By.cssSelector("a.run-start"));
        browser.submit(By.cssSelector("a[href$='/procedures/start/" + type + "']"));
        fillIn();
        browser.screenshot("run-start-" + key + "-phone");
        browser.submit(By.cssSelector("form.run-start-form button[type=submit]"));
        assertThat(browser.path()).startsWith("/procedures/runs/");
        String run = browser.path();
        assertThat(browser.overflowsSideways()).isFalse();

        browser.submit(By.cssSelector(".run-advance button"));
        assertThat(browser.text(By.cssSelector("main .notice.error"))).contains("mandatory steps are open");

        for (int phase = 0; phase < 3; phase++) {
            decideApprovals(run);
            browser.signIn(requester);
            openRun(run);
            while (!browser.findAll(By.cssSelector("form.step-complete")).isEmpty()) {
                String step = browser.find(By.cssSelector("form.step-complete")).getDomAttribute("action");
                browser.type(By.cssSelector("form[action='" + step + "'] textarea"), "Done for " + key);
                browser.submit(By.cssSelector("form[action='" + step + "'] button"));
                assertThat(browser.findAll(By.cssSelector("main .notice.error")))
                        .isEmpty();
                openRun(run);
            }
            browser.submit(By.cssSelector(".run-advance button"));
            assertThat(browser.findAll(By.cssSelector("main .notice.error")))
                    .as("moving on from phase %d", phase)
                    .isEmpty();
        }
        assertThat(browser.text(By.cssSelector(".badge.run-state"))).isEqualTo("completed");
        assertThat(browser.text(By.cssSelector(".run-phases")))
                .contains("Done for " + key)
                .contains("approved");
        browser.screenshot("run-completed-" + key + "-phone");
    }

    /** Opens the run's page and waits until its steps are there. */
    private void openRun(String run) {
        browser.open(run);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".run-phases .run-step")));
    }

    /** Fills in the start form: a text where text goes, tomorrow's date, the manager for a person, the first option. */
    private void fillIn() {
        for (WebElement field : browser.findAll(By.cssSelector("form.run-start-form [name^='values.']"))) {
            String name = field.getAttribute("name");
            By by = By.name(name);
            switch (field.getTagName() + ":" + field.getAttribute("type")) {
                case "select:select-one" -> new Select(field).selectByIndex(1);
                case "input:date" ->
                    browser.setValue(by, LocalDate.now().plusDays(1).toString());
                default -> browser.type(by, isPerson(name) ? manager.username() : "Something for " + name);
            }
        }
    }

    private static boolean isPerson(String name) {
        return List.of("values.manager", "values.system-owner").contains(name);
    }

    /** Decides the open approvals: the manager those the form named them for, a coordinator the rest. */
    private void decideApprovals(String run) {
        browser.signIn(manager).open("/procedures");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".run-work")));
        while (!browser.findAll(By.cssSelector(".run-work a[href^='/procedures/steps/']"))
                .isEmpty()) {
            browser.submit(By.cssSelector(".run-work a[href^='/procedures/steps/']"));
            assertThat(browser.text(By.cssSelector(".trusted-channel"))).contains("PRC-");
            browser.submit(By.cssSelector(".step-decision .step-approve"));
            browser.open("/procedures");
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".run-work")));
        }
        browser.signIn(coordinator);
        openRun(run);
        while (!browser.findAll(By.cssSelector(".step-decision .step-approve")).isEmpty()) {
            browser.submit(By.cssSelector(".step-decision .step-approve"));
            openRun(run);
        }
    }
}
