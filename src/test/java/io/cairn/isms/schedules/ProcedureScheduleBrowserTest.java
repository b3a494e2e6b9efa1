package io.cairn.isms.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.Browser;
import io.cairn.identity.Role;
import io.cairn.identity.TestUsers.TestUser;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A coordinator makes a "first Monday of the month" schedule in Dutch on a phone, in a real Chromium. */
class ProcedureScheduleBrowserTest extends Browser.OnServer {

    @Autowired
    JdbcClient jdbc;

    TestUser coordinator;
    String patchingRound;

    @BeforeEach
    void setUp() {
        coordinator = users.user("sched-browser", Set.of(Role.COORDINATOR));
        patchingRound = jdbc.sql("select id::text from isms_procedure_type where type_key = 'patching-round'")
                .query(String.class)
                .single();
    }

    @Test
    void aCoordinatorMakesAFirstMondaySchedulePreviewedInDutchOnAPhone() {
        browser.phone().signIn(coordinator).open("/admin/procedure-schedules?lang=nl");
        browser.submit(By.cssSelector("main a[href$='/admin/procedure-schedules/new']"));

        browser.type(By.id("sc-name"), "Patchronde van de maand");
        new Select(browser.find(By.id("sc-type"))).selectByValue(patchingRound);
        browser.type(By.id("sc-owner"), coordinator.username());
        new Select(browser.find(By.id("sc-preset"))).selectByValue("first-weekday-of-month");
        new Select(browser.find(By.id("sc-preset-weekday"))).selectByValue("MONDAY");
        browser.setValue(By.id("sc-first-day"), "2027-02-01");
        browser.type(By.id("sc-zone"), "Europe/Amsterdam");
        browser.submit(By.cssSelector("button[name=action][value=preset]"));

        assertThat(browser.find(By.id("sc-recurrence")).getAttribute("value")).isEqualTo("FREQ=MONTHLY;BYDAY=1MO");
        assertThat(browser.text(By.cssSelector(".schedule-preview")))
                .contains("De eerste maandag van de maand")
                .contains("maandag 2027-02-01 09:00")
                .contains("maandag 2027-03-01 09:00")
                .contains("maandag 2027-04-05 09:00");
        assertThat(browser.overflowsSideways()).isFalse();
        browser.screenshot("schedule-editor-nl-phone");

        browser.type(By.id("sc-value-round"), "Servers");
        browser.setValue(By.id("sc-value-deadline"), "2027-12-31");
        browser.submit(By.cssSelector("button[name=action][value=save]"));

        assertThat(browser.path()).startsWith("/admin/procedure-schedules/");
        assertThat(browser.text(By.cssSelector("main")))
                .contains("Opgeslagen: Patchronde van de maand.")
                .contains("Volgende keer: 2027-02-01 09:00 (Europe/Amsterdam)")
                .contains("Hij is nog niet afgegaan.");
        assertThat(browser.overflowsSideways()).isFalse();
    }
}
