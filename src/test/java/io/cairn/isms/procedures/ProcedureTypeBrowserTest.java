package io.cairn.isms.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TeamId;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admins' editor of security procedures in a real browser: on a phone, in Dutch, an admin gives a shipped step of
 * the off-boarding to a team, is told a control that does not exist next to its field, and saves; the procedure still
 * reads in English for an English reader, with the team kept.
 */
class ProcedureTypeBrowserTest extends Browser.OnServer {

    @Autowired
    SecurityProcedures procedures;

    TestUser admin;
    TeamId it;

    @BeforeEach
    void setUp() {
        admin = users.user("pt-browser", Set.of(Role.ADMIN));
        it = users.team("pt-browser-it");
    }

    @Test
    void anAdminGivesAShippedStepToATeamInDutchOnAPhone() {
        browser.phone().signIn(admin).open("/admin/procedure-types?lang=nl");
        assertThat(browser.text(By.id("procedure-type-offboarding"))).contains("Uitdiensttreding");
        browser.click(By.cssSelector("#procedure-type-offboarding a"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("step-1")));
        assertThat(browser.find(By.id("step-title-1")).getAttribute("value"))
                .isEqualTo("Schakel de accounts uit en trek de toegangsrechten in");

        new Select(browser.find(By.id("step-team-1"))).selectByValue(it.toString());
        browser.type(By.id("step-controls-1"), "5.18, 8.2, 9.99");
        browser.screenshot("procedure-type-editor-nl-phone");
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#step-controls-1[aria-invalid]")));
        assertThat(browser.text(By.id("step-1"))).contains("'9.99' is geen beheersmaatregel van ISO/IEC 27001:2022");
        assertThat(new Select(browser.find(By.id("step-team-1")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(it.toString());
        assertThat(browser.overflowsSideways()).isFalse();

        browser.type(By.id("step-controls-1"), "5.18, 8.2");
        browser.click(By.cssSelector("main form button[type=submit]"));
        browser.waitFor(ExpectedConditions.urlContains("/admin/procedure-types"));
        assertThat(browser.text(By.cssSelector("main"))).contains("Opgeslagen: Uitdiensttreding");

        browser.desktop().open("/admin/procedure-types?lang=en");
        assertThat(browser.text(By.id("procedure-type-offboarding"))).contains("Off-boarding of a leaver");
        ProcedureType offboarding = users.as(admin, () -> procedures.types()).stream()
                .filter(type -> type.definition().key().equals("offboarding"))
                .findFirst()
                .orElseThrow();
        ProcedureStep revocation = offboarding.definition().steps().get(1);
        assertThat(revocation.team()).isEqualTo(it.toString());
        assertThat(revocation.title()).isEqualTo("Disable the accounts and revoke the access rights");
    }
}
