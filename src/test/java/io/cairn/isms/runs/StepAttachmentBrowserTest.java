package io.cairn.isms.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.ApiClient;
import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import io.cairn.isms.files.FileReception;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A member of a step's team, on a phone and in Dutch, attaches the proof of their work with the step page's form (no
 * script needed) and sees it listed with its SHA-256.
 */
class StepAttachmentBrowserTest extends Browser.OnServer {

    @Test
    void aTeamMemberAttachesAFileOnAPhoneInDutchAndSeesItListed() throws Exception {
        String s = Long.toString(System.nanoTime(), 36);
        TeamId it = users.teamNamed("IT-browser-" + s);
        TestUser member = users.userNamed("sab-it-" + s, Set.of(Role.RESOLVER), it);
        ApiClient admin = new ApiClient(
                port, users.userNamed("sab-adm-" + s, Set.of(Role.ADMIN)).token());
        String type = admin.post(
                        "/api/v1/procedure-types",
                        Map.of(
                                "key",
                                "sab-" + s,
                                "name",
                                "Proof " + s,
                                "phases",
                                List.of(Map.of("key", "revoke", "name", "Intrekken")),
                                "steps",
                                List.of(Map.of(
                                        "phase", "revoke",
                                        "title", "Accounts uitschakelen",
                                        "kind", "task",
                                        "mandatory", true,
                                        "team", it.toString())),
                                "due",
                                "P2D"))
                .json()
                .path("id")
                .asString();
        String step = admin.post("/api/v1/procedure-runs", Map.of("procedureType", type, "values", Map.of()))
                .json()
                .path("phases")
                .path(0)
                .path("steps")
                .path(0)
                .path("work")
                .path("id")
                .asString();
        byte[] proof = "uitgeschakeld om 09:12\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempDirectory("cairn-proof").resolve("bewijs.txt");
        Files.write(file, proof);

        browser.phone().signIn(member).open("/procedures/steps/" + step + "?lang=nl");
        browser.find(By.id("attachment-file")).sendKeys(file.toString());
        browser.type(By.id("attachment-description"), "Schermafdruk van de beheerconsole");
        browser.submit(By.cssSelector("form.attachment-form button[type=submit]"));

        String listed = browser.text(By.cssSelector(".attachment-list"));
        assertThat(listed).contains("bewijs.txt", "Schermafdruk van de beheerconsole", "door");
        assertThat(browser.find(By.cssSelector(".attachment-sha256 code")).getAttribute("title"))
                .isEqualTo(FileReception.sha256Of(proof));
        assertThat(browser.text(By.cssSelector(".step-attachments .notice"))).contains("bewijs.txt", "toegevoegd");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("step-attachment-nl-phone");
    }
}
