package io.cairn.isms.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * An auditor on a phone, in Dutch, goes from the security procedures to the evidence of a control, picks the control,
 * the period and the procedure, sees a late run as an exception, and follows the link to the CSV.
 */
class ControlEvidenceBrowserTest extends Browser.OnServer {

    @Test
    void anAuditorReadsTheEvidenceOfAControlInDutchOnAPhoneAndTakesTheCsv() {
        String s = Long.toString(System.nanoTime(), 36);
        TestUser auditor = users.userNamed("ce-browser-aud-" + s, Set.of(Role.AUDITOR));
        ApiClient admin = new ApiClient(
                port, users.userNamed("ce-browser-adm-" + s, Set.of(Role.ADMIN)).token());
        ApiClient requester = new ApiClient(
                port,
                users.userNamed("ce-browser-req-" + s, Set.of(Role.REPORTER)).token());
        String type = admin.post("/api/v1/procedure-types", definition("ce-browser-" + s))
                .json()
                .path("id")
                .asString();
        String late = lateRun(requester, type);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        browser.phone().signIn(auditor).open("/procedures?lang=nl");
        browser.submit(By.cssSelector("a.control-evidence-link"));
        assertThat(browser.path()).startsWith("/procedures/evidence");
        new Select(browser.find(By.id("evidence-control"))).selectByValue("5.18");
        browser.setValue(By.id("evidence-from"), today.minusDays(1).toString());
        browser.setValue(By.id("evidence-to"), today.plusDays(1).toString());
        new Select(browser.find(By.id("evidence-type"))).selectByValue(type);
        browser.submit(By.cssSelector("form.evidence-form button[type=submit]"));

        assertThat(browser.text(By.cssSelector("main h2"))).startsWith("Bewijs van beheersmaatregel A.5.18");
        assertThat(browser.text(By.id("summary-runs"))).isEqualTo("1");
        assertThat(browser.text(By.id("summary-with-exceptions"))).isEqualTo("1");
        assertThat(browser.text(By.id("summary-late"))).isEqualTo("2");
        assertThat(browser.text(By.cssSelector(".evidence-exceptions"))).contains(late, "Te laat");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("control-evidence-nl-phone");

        Object csv = browser.script("""
                const request = new XMLHttpRequest();
                request.open('GET', document.getElementById('evidence-csv').href, false);
                request.send();
                return request.status + ' ' + request.getResponseHeader('Content-Type') + '\\n' + request.responseText;""");
        assertThat(csv.toString()).startsWith("200 text/csv").contains("reference,procedure", late, "late: ");
    }

    private static Map<String, Object> definition(String key) {
        return Map.of(
                "key",
                key,
                "name",
                "Vertrek " + key,
                "form",
                List.of(Map.of("key", "end", "label", "Laatste dag", "kind", "date", "required", true)),
                "phases",
                List.of(Map.of("key", "revocation", "name", "Intrekken")),
                "steps",
                List.of(Map.of(
                        "phase",
                        "revocation",
                        "title",
                        "Accounts uitschakelen",
                        "kind",
                        "task",
                        "mandatory",
                        true,
                        "due",
                        "P1D",
                        "dueFrom",
                        "end",
                        "controls",
                        List.of("5.18"))),
                "due",
                "P1D",
                "dueFrom",
                "end");
    }

    /** A run whose last day was long ago, so that completing it now is late; its reference. */
    private static String lateRun(ApiClient requester, String type) {
        JsonNode run = requester
                .post("/api/v1/procedure-runs", Map.of("procedureType", type, "values", Map.of("end", "2020-01-01")))
                .json();
        JsonNode step = run.path("phases").get(0).path("steps").get(0).path("work");
        ApiClient.Answer done = requester.post(
                "/api/v1/procedure-steps/" + step.path("id").asString() + "/complete",
                Map.of("note", "uitgeschakeld", "version", step.path("version").asLong()));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        String id = run.path("id").asString();
        long version = requester
                .get("/api/v1/procedure-runs/" + id)
                .json()
                .path("version")
                .asLong();
        ApiClient.Answer completed =
                requester.post("/api/v1/procedure-runs/" + id + "/advance", Map.of("version", version));
        assertThat(completed.json().path("state").asString())
                .as(completed.toString())
                .isEqualTo("completed");
        return run.path("reference").asString();
    }
}
