package io.cairn.isms.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Each shipped procedure in a real browser on a phone, as the people who run it, each signed in once under a host name
 * of their own ({@link Browser#host}), as in browsers of their own. The requester starts every procedure from its form
 * (each kind of field it has filled in) and is stopped at the gate of its first phase, which names the open mandatory
 * steps; an approval of every procedure is decided in the browser by someone else: the person the form names, from
 * their list of work on the step's page with its trusted-channel mark, or a coordinator on the run's page where the
 * form names no one. Two procedures are walked to the end in the browser: the secure-zone access (approved by the
 * manager the form names) and the patching round (approved by a coordinator, beside a task of the same phase): the
 * owner completes every step on the run's page and moves the run on phase by phase until it is completed. The other
 * three are taken on from their approval through the API by the same people, and their completed run is read in the
 * browser. {@code ProcedureRunApiTest} proves the routing, the gates and who may decide over HTTP in detail.
 */
class ShippedProceduresBrowserTest extends Browser.OnServer {

    private static final List<String> SHIPPED =
            List.of("security-review", "secure-zone-access", "penetration-test", "patching-round", "offboarding");

    /** The procedures walked to the end in the browser; the others go on through the API. */
    private static final Set<String> WHOLLY_IN_THE_BROWSER = Set.of("secure-zone-access", "patching-round");

    @Autowired
    JdbcClient jdbc;

    TestUser requester;
    TestUser manager;
    TestUser coordinator;

    @Test
    void eachShippedProcedureIsStartedGatedApprovedBySomeoneElseAndCompleted() {
        requester = users.user("sp-asker", Set.of(Role.REPORTER));
        manager = users.user("sp-manager", Set.of(Role.REPORTER));
        coordinator = users.user("sp-coordinator", Set.of(Role.COORDINATOR));
        browser.phone();
        browser.host("manager").signIn(manager);
        browser.host("coordinator").signIn(coordinator);
        browser.host("requester").signIn(requester);

        for (String key : SHIPPED) {
            String run = startedAndGated(key);
            if (WHOLLY_IN_THE_BROWSER.contains(key)) {
                completeInTheBrowser(key, run);
            } else {
                completeThroughTheApi(key, run);
            }
            openRun(run);
            assertThat(browser.text(By.cssSelector(".badge.run-state"))).as(key).isEqualTo("completed");
            assertThat(browser.text(By.cssSelector(".run-phases")))
                    .as(key)
                    .contains("Done for " + key)
                    .contains("approved");
            browser.screenshot("run-completed-" + key + "-phone");
        }
    }

    /** The requester starts the procedure from its form and is stopped at the first gate; the run's path. */
    private String startedAndGated(String key) {
        String type = jdbc.sql("select id from isms_procedure_type where type_key = ?")
                .param(key)
                .query(UUID.class)
                .single()
                .toString();
        browser.host("requester").open("/procedures");
        browser.submit(By.cssSelector("a.run-start"));
        browser.submit(By.cssSelector("a[href$='/procedures/start/" + type + "']"));
        fillIn();
        browser.screenshot("run-start-" + key + "-phone");
        browser.submit(By.cssSelector("form.run-start-form button[type=submit]"));
        assertThat(browser.path()).as(key).startsWith("/procedures/runs/");
        String run = browser.path();
        assertThat(browser.overflowsSideways()).as(key).isFalse();

        browser.submit(By.cssSelector(".run-advance button"));
        assertThat(browser.text(By.cssSelector("main .notice.error"))).as(key).contains("mandatory steps are open");
        return run;
    }

    /** Phase by phase: the approvals decided, the owner completes every step on the run's page and moves on. */
    private void completeInTheBrowser(String key, String run) {
        for (int phase = 0; phase < 3; phase++) {
            decideApprovalsInTheBrowser(run);
            openRun(run);
            while (!browser.findAll(By.cssSelector("form.step-complete")).isEmpty()) {
                String step = browser.find(By.cssSelector("form.step-complete")).getDomAttribute("action");
                browser.type(By.cssSelector("form[action='" + step + "'] textarea"), "Done for " + key);
                browser.submit(By.cssSelector("form[action='" + step + "'] button"));
                assertThat(browser.findAll(By.cssSelector("main .notice.error")))
                        .as(key)
                        .isEmpty();
                // the form sends the owner back to the run's page
                assertThat(browser.path()).startsWith(run);
            }
            browser.submit(By.cssSelector(".run-advance button"));
            assertThat(browser.findAll(By.cssSelector("main .notice.error")))
                    .as("%s moving on from phase %d", key, phase)
                    .isEmpty();
        }
    }

    /**
     * Phase by phase through the API: the owner completes the tasks; the first approval is decided in the browser, any
     * further one through the API by the person the form names or a coordinator; the owner moves the run on.
     */
    private void completeThroughTheApi(String key, String run) {
        ApiClient owner = new ApiClient(port, requester.token());
        String runApi = "/api/v1/procedure-runs/" + run.substring(run.lastIndexOf('/') + 1);
        boolean decidedInTheBrowser = false;
        for (int phase = 0; phase < 3; phase++) {
            for (JsonNode step : openStepsOfTheCurrentPhase(owner.get(runApi).json())) {
                String steps = "/api/v1/procedure-steps/" + step.path("id").asString();
                long version = step.path("version").asLong();
                ApiClient.Answer done;
                if (!"approval".equals(step.path("kind").asString())) {
                    done = owner.post(steps + "/complete", Map.of("note", "Done for " + key, "version", version));
                } else if (!decidedInTheBrowser) {
                    decideApprovalsInTheBrowser(run);
                    decidedInTheBrowser = true;
                    continue;
                } else {
                    TestUser approver = step.hasNonNull("approverName") ? manager : coordinator;
                    done = new ApiClient(port, approver.token())
                            .post(steps + "/decision", Map.of("approved", true, "version", version));
                }
                assertThat(done.status()).as("%s: %s", key, done).isEqualTo(200);
            }
            long version = owner.get(runApi).json().path("version").asLong();
            ApiClient.Answer moved = owner.post(runApi + "/advance", Map.of("version", version));
            assertThat(moved.status())
                    .as("%s moving on from phase %d: %s", key, phase, moved)
                    .isEqualTo(200);
        }
        assertThat(decidedInTheBrowser).as(key).isTrue();
    }

    private static List<JsonNode> openStepsOfTheCurrentPhase(JsonNode run) {
        return run.path("phases")
                .valueStream()
                .filter(phase -> phase.path("current").asBoolean())
                .flatMap(phase -> phase.path("steps").valueStream())
                .map(step -> step.path("work"))
                .filter(work -> "open".equals(work.path("state").asString()))
                .toList();
    }

    /**
     * Decides the open approvals in the browser: the manager those the form named them for, from their list of work
     * on each step's page, which shows the run's reference as the trusted channel; a coordinator the rest, on the run's
     * page. Leaves the browser with the requester.
     */
    private void decideApprovalsInTheBrowser(String run) {
        browser.host("manager").open("/procedures");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".run-work")));
        while (!browser.findAll(By.cssSelector(".run-work a[href^='/procedures/steps/']"))
                .isEmpty()) {
            browser.submit(By.cssSelector(".run-work a[href^='/procedures/steps/']"));
            assertThat(browser.text(By.cssSelector(".trusted-channel"))).contains("PRC-");
            browser.submit(By.cssSelector(".step-decision .step-approve"));
            browser.open("/procedures");
            browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".run-work")));
        }
        browser.host("coordinator");
        openRun(run);
        while (!browser.findAll(By.cssSelector(".step-decision .step-approve")).isEmpty()) {
            browser.submit(By.cssSelector(".step-decision .step-approve"));
            assertThat(browser.findAll(By.cssSelector("main .notice.error"))).isEmpty();
            assertThat(browser.path()).startsWith(run);
        }
        browser.host("requester");
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
}
